namespace SupportBot.Core.Turns;

/// <summary>
/// A step every turn passes through before the bot (dedupe, transcript, sentiment, handoff routing).
/// Call <c>next</c> to go on; not calling it ends the turn there.
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}

/// <summary>Continues the pipeline with the next middleware, then the bot.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);
