using SupportBot.Core.Schema;

namespace SupportBot.Core.Turns;

/// <summary>
/// Connects the bot to a channel: runs turns through the middleware and carries the bot's sends,
/// updates and deletes to the channel.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>The middleware every turn runs through, in the order added.</summary>
    protected MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Called when a turn throws; the default rethrows.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>Runs a turn in an existing conversation without an inbound message (a proactive send).</summary>
    public abstract Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default);

    /// <summary>Runs the middleware and then <paramref name="callback"/>, sending failures to <see cref="OnTurnError"/>.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException && !IsRetrySignal(ex))
        {
            await OnTurnError(turnContext, ex).ConfigureAwait(false);
        }
    }

    /// <summary>Exceptions that must reach the adapter's own retry loop instead of the error handler.</summary>
    protected virtual bool IsRetrySignal(Exception exception) => false;
}
