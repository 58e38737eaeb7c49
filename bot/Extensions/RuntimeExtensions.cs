using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Delivery;
using SupportBot.Core.Delivery;
using SupportBot.Core.State;
using SupportBot.Core.Turns;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers the turn runtime: adapter, lanes, outbox delivery, state and the bot.</summary>
public static class RuntimeExtensions
{
    /// <summary>
    /// The adapter and what it needs, all singletons. Failures in the bot's logic are handled by
    /// <see cref="DurableBotAdapter"/> (it apologises and keeps the customer's message), so no
    /// <c>OnTurnError</c> is set here.
    /// </summary>
    public static IHostApplicationBuilder AddBotRuntime(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System); // a test host may bring its own clock
        services.AddSingleton<ConversationQueue>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton(sp =>
        {
            // Every registered middleware (sentiment scoring, later handoff routing) runs each turn, in
            // registration order.
            var adapter = ActivatorUtilities.CreateInstance<DurableBotAdapter>(sp);
            foreach (var middleware in sp.GetServices<SupportBot.Core.Turns.IMiddleware>())
            {
                adapter.Use(middleware);
            }

            return adapter;
        });
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        builder.AddSentiment();
        builder.AddHeap();
        builder.AddHandoff();
        return builder;
    }

    /// <summary>Runs the outbox retry loop in the background (web host only; a chat delivers for itself).</summary>
    public static IHostApplicationBuilder AddOutboxDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<OutboxDeliveryService>();
        return builder;
    }
}
