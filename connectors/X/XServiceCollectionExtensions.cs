using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Social.Http;
using SupportBot.Connectors.X.Auth;
using SupportBot.Connectors.X.Client;
using SupportBot.Core.Delivery;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.X;

/// <summary>Registers the X channel.</summary>
public static class XServiceCollectionExtensions
{
    /// <summary>
    /// Adds the X client (rate limits outside, authentication inside, so every attempt is signed or carries
    /// a current token), connector, poller and <see cref="IChannelSender"/>. Options (<see cref="XOptions"/>)
    /// are bound by the host, which calls this only when the channel is configured.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="transport">The innermost HTTP handler (tests); null uses sockets.</param>
    public static IServiceCollection AddXChannel(this IServiceCollection services, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new XTokenStore(
            sp.GetRequiredService<IStorage>(),
            new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null) { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<XOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<XTokenStore>>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<XOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            DelegatingHandler auth = options.UsesOAuth1
                ? new XOAuth1Handler(options, time)
                : new XOAuth2Handler(sp.GetRequiredService<XTokenStore>());
            auth.InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            var rateLimits = new RateLimitHandler(
                XClient.ReadRateLimit,
                XClient.BucketOf,
                options.HttpPolicy,
                time,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("SupportBot.Connectors.X.RateLimits"))
            {
                InnerHandler = auth,
            };
            var baseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            return new XClient(new HttpClient(rateLimits) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) });
        });
        services.AddSingleton<XConnector>();
        services.AddSingleton<XSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<XSender>());
        services.AddHostedService<XPollingService>();
        return services;
    }
}
