using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine;
using SupportBot.Connectors.DirectLine.Endpoints;

namespace SupportBot.Bot.Extensions;

/// <summary>Web chat: SupportBot's own Direct Line 3.0 server (PROTOCOLS.md §1), section <c>Channels:DirectLine</c>.</summary>
public static class DirectLineExtensions
{
    /// <summary>
    /// Binds and validates <c>Channels:DirectLine</c> (a bad value stops the host naming the key), registers
    /// the Direct Line services and sender, CORS for the allowed origins (with the headers an embedded Web
    /// Chat sends), and the forwarded headers of known proxies.
    /// </summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>()
            .Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddDirectLineChannel();

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<DirectLineOptions>>((cors, directLine) => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .SetIsOriginAllowed(origin => directLine.Value.IsAllowedOrigin(origin))
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "X-Requested-With")
                .WithExposedHeaders("Retry-After")));

        // Behind a reverse proxy the stream URL must say wss:// and the public host, and rate limits must
        // see the customer's address, not the proxy's (issue 5, point 3).
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<DirectLineOptions>>((forwarded, directLine) =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                foreach (var proxy in directLine.Value.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in directLine.Value.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });

        // The request log names full URLs, and a stream URL carries a token in 't': keep it out of logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    /// <summary>Adds the forwarded-headers, CORS and WebSocket middleware and maps the Direct Line routes.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseCors();
        app.UseWebSockets();
        app.MapDirectLineApi();
        return app;
    }

    /// <summary>Names each bad <c>Channels:DirectLine</c> key.</summary>
    private sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
    {
        public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
