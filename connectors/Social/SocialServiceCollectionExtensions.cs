using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Core.State;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Connectors.Social;

/// <summary>Registers what the social channels share.</summary>
public static class SocialServiceCollectionExtensions
{
    /// <summary>
    /// Adds the checkpoints, the account linking (over the registered <see cref="ICustomerService"/> and, if
    /// any, <see cref="IOneTimeCodeMailer"/>) and the turn runner. Safe to call once per social channel.
    /// </summary>
    public static IServiceCollection AddSocialCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<SocialCheckpoints>();
        services.TryAddSingleton(sp => new IdentityLinking(
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<ICustomerService>(),
            sp.GetService<IOneTimeCodeMailer>()));
        services.TryAddSingleton<SocialTurnRunner>();
        // Upset public mentions go to a person when the host has the handoff service.
        if (services.Any(d => d.ServiceType == typeof(Core.Handoff.HandoffService)) && !services.Any(d => d.ImplementationType == typeof(HandoffEscalation)))
        {
            services.AddSingleton<ISocialEscalation, HandoffEscalation>();
        }
        return services;
    }
}
