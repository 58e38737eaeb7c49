using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Connectors.BotService;

namespace SupportBot.BotService.Tests.Infrastructure;

/// <summary>The Bot Service channel's services alone (no host), configured like the <c>BotFramework</c> section.</summary>
public static class ChannelServices
{
    public static ServiceProvider Create(Action<BotFrameworkOptions> configure, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddOptions<BotFrameworkOptions>().Configure(configure);
        services.AddBotServiceChannel();
        return services.BuildServiceProvider();
    }

    /// <summary>Unauthenticated mode (no token), replies allowed to loopback.</summary>
    public static ServiceProvider Unauthenticated(TimeProvider? timeProvider = null) =>
        Create(o => o.AllowUnauthenticated = true, timeProvider);

    /// <summary>A MultiTenant app whose token endpoint is the test connector, replies allowed to it.</summary>
    public static ServiceProvider Authenticated(BotConnectorTestServer connector, TimeProvider? timeProvider = null) => Create(o =>
    {
        o.MicrosoftAppId = "app-1";
        o.MicrosoftAppPassword = "secret-1";
        o.OAuthTokenEndpoint = connector.TokenEndpoint;
        o.AllowedServiceUrls = [connector.ServiceUrl];
    }, timeProvider);
}
