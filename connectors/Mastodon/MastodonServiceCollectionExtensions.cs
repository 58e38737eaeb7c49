using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Mastodon.Client;
using SupportBot.Connectors.Social.Http;
using SupportBot.Core.Delivery;

namespace SupportBot.Connectors.Mastodon;

/// <summary>Registers the Mastodon channel.</summary>
public static class MastodonServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Mastodon client, connector, poller and <see cref="IChannelSender"/>. Options
    /// (<see cref="MastodonOptions"/>) are bound by the host, which calls this only when the channel is
    /// configured; the social services (<c>AddSocialCore</c>) and the runtime must be registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="transport">The innermost HTTP handler (tests); null uses sockets.</param>
    public static IServiceCollection AddMastodonChannel(this IServiceCollection services, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MastodonOptions>>().Value;
            var rateLimits = new RateLimitHandler(
                MastodonClient.ReadRateLimit,
                // Mastodon's default limit is one budget per account for all endpoints (§7).
                _ => "mastodon",
                options.HttpPolicy,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("SupportBot.Connectors.Mastodon.RateLimits"));
            return new MastodonClient(MastodonClient.Create(new Uri(options.InstanceUrl!), options.AccessToken!, rateLimits, transport));
        });
        services.AddSingleton<MastodonConnector>();
        services.AddSingleton<MastodonSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<MastodonSender>());
        services.AddHostedService<MastodonPollingService>();
        return services;
    }
}
