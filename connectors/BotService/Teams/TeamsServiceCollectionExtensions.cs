using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>Registers the Teams agent hub.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Teams hub as an <see cref="IAgentHub"/> and as the <see cref="IBotServiceInboundHandler"/> that
    /// claims the support channel's traffic on <c>/api/messages</c>. Options (<see cref="TeamsOptions"/>) are
    /// bound by the host; the Bot Service channel (<c>AddBotServiceChannel</c>), the handoff service and the
    /// store must be registered.
    /// </summary>
    public static IServiceCollection AddTeamsHub(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new TeamsThreads(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<TeamsAgentHub>();
        services.AddSingleton<IAgentHub>(sp => sp.GetRequiredService<TeamsAgentHub>());
        services.AddSingleton<TeamsInboundHandler>();
        services.AddSingleton<IBotServiceInboundHandler>(sp => sp.GetRequiredService<TeamsInboundHandler>());
        return services;
    }
}
