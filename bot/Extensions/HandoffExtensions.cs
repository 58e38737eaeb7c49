using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Handoff;
using SupportBot.Bot.Storage;
using SupportBot.Core.Delivery;
using SupportBot.Core.Handoff;
using SupportBot.Core.Handoff.Sqlite;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Support;
using SupportBot.Core.Turns;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers the handoff to human agents (the <c>Handoff</c> section).</summary>
public static class HandoffExtensions
{
    /// <summary>
    /// Binds and validates <see cref="HandoffOptions"/>; registers the handoff store (tables in the bot's SQLite
    /// file, or a private in-memory database with the Memory provider), the <see cref="HandoffNotifier"/>
    /// over every registered <see cref="IAgentHub"/>, the <see cref="HandoffService"/>, the routing middleware
    /// (after sentiment scoring) and the background check for accept timeouts and hub retries. Hubs register
    /// themselves as <c>IAgentHub</c>; with none, escalation falls back to a ticket. Called by <c>AddBotRuntime</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHandoff(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HandoffOptions>()
            .Bind(builder.Configuration.GetSection(HandoffOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>();
        services.TryAddSingleton<IHandoffStore>(sp => sp.GetRequiredService<BotStore>().ConnectionString is { } file
            ? SqliteHandoffStore.Open(file)
            : SqliteHandoffStore.OpenInMemory());
        services.TryAddSingleton(sp => new HandoffNotifier(
            sp.GetRequiredService<IHandoffStore>(),
            () => sp.GetServices<IAgentHub>(), // asked for on use: a hub may depend on HandoffService
            sp.GetRequiredService<ConversationQueue>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HandoffOptions>>().Value,
            sp.GetRequiredService<ILogger<HandoffNotifier>>()));
        services.TryAddSingleton(sp => new HandoffService(
            sp.GetRequiredService<DurableBotAdapter>(),
            sp.GetRequiredService<IHandoffStore>(),
            sp.GetRequiredService<HandoffNotifier>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<ITranscriptStore>(),
            () => sp.GetService<IHandoffBot>(), // asked for on use: the bot depends on this service
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HandoffOptions>>().Value,
            sp.GetRequiredService<ILogger<HandoffService>>(),
            sp.GetService<SupportServices>()?.Customers,
            sp.GetService<SupportBot.Core.Support.Tickets.ITicketService>()));
        services.AddSingleton<SupportBot.Core.Turns.IMiddleware>(sp => new HandoffRouter(
            sp.GetRequiredService<IHandoffStore>(),
            sp.GetRequiredService<HandoffNotifier>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HandoffOptions>>().Value,
            sp.GetRequiredService<ILogger<HandoffRouter>>()));
        services.AddHostedService<HandoffMonitorService>();
        return builder;
    }
}
