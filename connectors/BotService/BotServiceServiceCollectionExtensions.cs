using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Connectors.BotService.Authentication;
using SupportBot.Connectors.BotService.Client;
using SupportBot.Core.Delivery;

namespace SupportBot.Connectors.BotService;

/// <summary>Registers the Azure Bot Service channel (Bot Framework auth, the Bot Connector client and sender).</summary>
public static class BotServiceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the authenticator for <c>/api/messages</c>, the service URL policy, the bot's token provider, the
    /// <see cref="BotConnectorClient"/> and its <see cref="IChannelSender"/>. Options
    /// (<see cref="BotFrameworkOptions"/>) are bound by the host; a <see cref="TimeProvider"/> must be registered.
    /// </summary>
    public static IServiceCollection AddBotServiceChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotServiceHttp>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton<IBotConnectorTokenProvider, BotConnectorTokenProvider>();
        services.AddSingleton<TeamsSendLimiter>();
        services.AddSingleton(sp => new BotConnectorClient(
            sp.GetRequiredService<BotServiceHttp>(),
            sp.GetRequiredService<IBotConnectorTokenProvider>(),
            sp.GetRequiredService<ServiceUrlPolicy>(),
            sp.GetRequiredService<TeamsSendLimiter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BotConnectorClient>>()));
        services.AddSingleton<BotConnectorSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<BotConnectorSender>());
        return services;
    }
}
