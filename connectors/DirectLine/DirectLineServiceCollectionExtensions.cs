using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Endpoints;
using SupportBot.Connectors.DirectLine.Streaming;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Delivery;

namespace SupportBot.Connectors.DirectLine;

/// <summary>Registers the Direct Line channel.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Direct Line server's services and its <see cref="IChannelSender"/>. Options
    /// (<see cref="DirectLineOptions"/>) are bound by the host; the runtime (adapter, bot, storage) must be registered.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineAttachments>();
        services.AddSingleton<DirectLineConnector>();
        services.AddSingleton<DirectLineRateLimiter>();
        services.TryAddSingleton<IDirectLineTurns, AdapterTurns>();
        services.AddSingleton<DirectLineSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<DirectLineSender>());
        return services;
    }
}
