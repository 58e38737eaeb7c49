using Microsoft.Extensions.Logging;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Handoff;

/// <summary>
/// Middleware: while the conversation's handoff is waiting or with an agent, a customer message goes to the
/// hubs (after the turn commits; it stays in the transcript) instead of the bot. While nobody has accepted
/// yet the customer gets an honest "still waiting" now and then, never after every message. A conversation
/// without a handoff costs one look at its (already loaded) conversation state.
/// </summary>
public sealed partial class HandoffRouter(
    IHandoffStore store,
    HandoffNotifier notifier,
    ConversationState conversationState,
    TimeProvider timeProvider,
    HandoffOptions options,
    ILogger<HandoffRouter> logger) : IMiddleware
{
    private readonly IStatePropertyAccessor<HandoffMarker> _marker = conversationState.CreateProperty<HandoffMarker>(HandoffMarker.Property);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || activity.From?.Role is not (null or RoleTypes.User)
            || await _marker.GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false) is not { } marker)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var handoffCase = await store.GetAsync(marker.CaseId, cancellationToken).ConfigureAwait(false);
        if (handoffCase is null || !handoffCase.Status.IsActive())
        {
            // The case ended while the hand-back turn did not run (a crash between the two): the bot answers.
            await _marker.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var dedupe = "message:" + (activity.Id ?? Guid.NewGuid().ToString("N"));
        await notifier.EnqueueAsync(handoffCase, HandoffNotificationKinds.CustomerMessage, dedupe, ActivityJson.Serialize(activity), cancellationToken).ConfigureAwait(false);
        notifier.Kick(handoffCase);
        LogRouted(logger, handoffCase.Id);

        var now = timeProvider.GetUtcNow();
        if (handoffCase.Status == HandoffStatus.Waiting && now - marker.LastNoticeAt >= options.StillWaitingInterval)
        {
            var (position, _) = await store.QueuePositionAsync(handoffCase.Id, cancellationToken).ConfigureAwait(false);
            marker.LastNoticeAt = now;
            await turnContext.SendActivityAsync(HandoffTexts.StillWaiting(position), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Debug, Message = "Customer message routed to the agent hubs for handoff {CaseId}")]
    private static partial void LogRouted(ILogger logger, string caseId);
}
