namespace SupportBot.Core.Turns;

/// <summary>The ordered middleware pipeline an adapter runs each turn through.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet Use(IMiddleware middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        ReceiveActivityWithStatusAsync(turnContext, (_, ct) => next(ct), cancellationToken);

    /// <summary>Runs every middleware in order, then <paramref name="callback"/>.</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(0, turnContext, callback, cancellationToken);

    private Task RunAsync(int index, ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(index + 1, turnContext, callback, ct), cancellationToken);
    }
}
