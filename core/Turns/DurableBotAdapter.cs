using Microsoft.Extensions.Logging;
using SupportBot.Core.Delivery;
using SupportBot.Core.Diagnostics;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Turns;

/// <summary>
/// The adapter every channel hands its inbound activities to. It guarantees the rules in DESIGN.md:
/// one turn at a time per conversation (a lane per conversation), one turn per inbound activity
/// (duplicates are recognised by channel, conversation and activity id), and a turn's state, transcript
/// and outgoing activities committed together: sends are buffered while the turn runs, written to the
/// outbox in the same transaction as the state, and delivered only after the commit. A stale ETag (another
/// instance wrote first) discards the turn's buffer and re-runs it on fresh state.
/// </summary>
public sealed partial class DurableBotAdapter(
    ITurnStore turnStore,
    ITranscriptStore transcripts,
    IOutboxStore outbox,
    OutboxDispatcher dispatcher,
    ConversationQueue queue,
    TimeProvider timeProvider,
    ILogger<DurableBotAdapter> logger) : BotAdapter
{
    /// <summary>How often a turn re-runs after ETag conflicts before it gives up.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The bot's account when an inbound activity names no recipient.</summary>
    public const string DefaultBotId = "supportbot";

    public const string DefaultBotName = "SupportBot";

    /// <summary>The polite answer when the bot's logic fails.</summary>
    public const string ErrorReply = "I'm sorry, something went wrong on our side while handling your message. Your message is saved; please try again in a moment.";

    /// <summary>Validates, dedupes and runs one inbound activity as a turn.</summary>
    /// <exception cref="InvalidActivityException">The activity lacks type, conversation, channel or sender.</exception>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ActivityJson.Validate(activity);
        var started = TurnMetrics.Timestamp();
        activity.Timestamp ??= timeProvider.GetUtcNow();

        // Replies are sent from the inbound recipient; a sender that left it out (a script, a test
        // client) still gets replies from a named bot.
        activity.Recipient ??= new ChannelAccount(DefaultBotId, DefaultBotName, RoleTypes.Bot);
        var channelId = activity.ChannelId!;
        var conversationId = activity.Conversation!.Id!;
        ActivityKey? key = string.IsNullOrEmpty(activity.Id) ? null : new ActivityKey(channelId, conversationId, activity.Id);

        using (await queue.EnterAsync(ConversationQueue.KeyOf(channelId, conversationId), cancellationToken).ConfigureAwait(false))
        {
            if (key is { } k && await turnStore.IsProcessedAsync(k, cancellationToken).ConfigureAwait(false))
            {
                return await DuplicateAsync(activity, cancellationToken).ConfigureAwait(false);
            }

            var entries = await RunAndCommitAsync(activity, key, inbound: true, callback, cancellationToken).ConfigureAwait(false);
            if (entries is null)
            {
                return await DuplicateAsync(activity, cancellationToken).ConfigureAwait(false);
            }

            var replies = entries.Select(e => e.Activity).ToList();
            if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
            {
                // The caller takes the replies in its HTTP response: that is their delivery.
                await outbox.MarkDeliveredAsync(entries.Select(e => e.Sequence).ToList(), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await dispatcher.DeliverAsync(channelId, conversationId, entries, cancellationToken).ConfigureAwait(false);
            }

            TurnMetrics.TurnCompleted(channelId, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return new TurnResult(false, replies);
        }
    }

    /// <summary>
    /// Runs a proactive turn (follow-up, ticket resolved, agent reply) in a stored conversation: same lane,
    /// same commit, same outbox as a customer turn.
    /// </summary>
    public override async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation", Timestamp = timeProvider.GetUtcNow() }
            .ApplyConversationReference(reference, isIncoming: true);
        activity.Id = null;
        ActivityJson.Validate(activity);
        var channelId = activity.ChannelId!;
        var conversationId = activity.Conversation!.Id!;
        using (await queue.EnterAsync(ConversationQueue.KeyOf(channelId, conversationId), cancellationToken).ConfigureAwait(false))
        {
            var entries = await RunAndCommitAsync(activity, null, inbound: false, callback, cancellationToken).ConfigureAwait(false);
            await dispatcher.DeliverAsync(channelId, conversationId, entries ?? [], cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var commit = CommitOf(turnContext);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id ??= UniqueIds.Next();
            activity.Timestamp ??= timeProvider.GetUtcNow();
            commit.Transcript.Add(activity);
            commit.Outbox.Add((OutboxOperation.Send, activity));
            responses[i] = new ResourceResponse(activity.Id);
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var commit = CommitOf(turnContext);
        commit.Transcript.Add(activity with { Type = ActivityTypes.MessageUpdate, Timestamp = timeProvider.GetUtcNow() });
        commit.Outbox.Add((OutboxOperation.Update, activity));
        return Task.FromResult(new ResourceResponse(activity.Id ?? string.Empty));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        var commit = CommitOf(turnContext);
        var tombstone = new Activity { Type = ActivityTypes.MessageDelete, Id = reference.ActivityId, Timestamp = timeProvider.GetUtcNow() }
            .ApplyConversationReference(reference);
        tombstone.ReplyToId = null;
        commit.Transcript.Add(tombstone);
        commit.Outbox.Add((OutboxOperation.Delete, tombstone));
        return Task.CompletedTask;
    }

    protected override bool IsRetrySignal(Exception exception) => exception is StorageConflictException;

    /// <summary>Runs the turn until its commit succeeds; null when the inbound activity turned out to be a duplicate.</summary>
    private async Task<IReadOnlyList<OutboxEntry>?> RunAndCommitAsync(Activity activity, ActivityKey? key, bool inbound, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var commit = await RunTurnAsync(activity, key, inbound, callback, cancellationToken).ConfigureAwait(false);
            try
            {
                return await turnStore.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException ex) when (attempt < MaxAttempts)
            {
                TurnMetrics.ConflictRetried(activity.ChannelId!);
                LogConflict(logger, ex.Key, attempt);
            }
            catch (DuplicateActivityException)
            {
                return null;
            }
        }
    }

    private async Task<TurnCommit> RunTurnAsync(Activity activity, ActivityKey? key, bool inbound, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var commit = NewCommit(activity, key, inbound);
        var turnContext = new TurnContext(this, activity);
        turnContext.TurnState.Set(commit);
        try
        {
            await RunPipelineAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
            foreach (var state in LoadedStates.In(turnContext).ToList())
            {
                await state.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
            }

            return commit;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not StorageConflictException)
        {
            // The turn's state changes are dropped (they may be what broke it); the customer's message
            // stays in the transcript and gets an apology, and the activity counts as processed so a
            // channel retry does not hit the same failure again.
            TurnMetrics.TurnFailed(activity.ChannelId!);
            LogTurnFailed(logger, ex, activity.ChannelId!, activity.Type!);
            var failed = NewCommit(activity, key, inbound);
            var apology = ActivityExtensions.CreateMessage(ErrorReply, InputHints.AcceptingInput)
                .ApplyConversationReference(activity.GetConversationReference());
            var errorContext = new TurnContext(this, activity);
            errorContext.TurnState.Set(failed);
            await SendActivitiesAsync(errorContext, [apology], cancellationToken).ConfigureAwait(false);
            return failed;
        }
    }

    private static TurnCommit NewCommit(Activity activity, ActivityKey? key, bool inbound)
    {
        var commit = new TurnCommit { Inbound = key };
        if (inbound)
        {
            commit.Transcript.Add(activity);
        }

        return commit;
    }

    private async Task<TurnResult> DuplicateAsync(Activity activity, CancellationToken cancellationToken)
    {
        TurnMetrics.DuplicateDropped(activity.ChannelId!);
        LogDuplicate(logger, activity.ChannelId!);
        var replies = new List<Activity>();
        string? token = null;
        do
        {
            var page = await transcripts.GetTranscriptActivitiesAsync(activity.ChannelId!, activity.Conversation!.Id!, token, cancellationToken).ConfigureAwait(false);
            replies.AddRange(page.Activities.Where(a => a.ReplyToId == activity.Id && a.Type is not (ActivityTypes.MessageUpdate or ActivityTypes.MessageDelete)));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return new TurnResult(true, replies);
    }

    private static TurnCommit CommitOf(ITurnContext turnContext) =>
        turnContext.TurnState.Get<TurnCommit>()
        ?? throw new InvalidOperationException("This turn context does not belong to a durable turn.");

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Duplicate activity on channel '{ChannelId}' ignored")]
    private static partial void LogDuplicate(ILogger logger, string channelId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "State '{Key}' changed under the turn (attempt {Attempt}); re-running on fresh state")]
    private static partial void LogConflict(ILogger logger, string key, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Turn on channel '{ChannelId}' for a '{ActivityType}' activity failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string channelId, string activityType);
}
