using Microsoft.Extensions.Logging;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Tickets;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The handoff state machine of customer conversations: bot → <see cref="HandoffStatus.Waiting"/> →
/// <see cref="HandoffStatus.WithAgent"/> → <see cref="HandoffStatus.Closed"/> or
/// <see cref="HandoffStatus.ReturnedToBot"/> (or <see cref="HandoffStatus.Failed"/> when nobody accepts in
/// time). Cases live in the <see cref="IHandoffStore"/>; what the customer hears travels through the durable
/// adapter (a proactive turn → outbox → the channel's sender); what agents hear goes to the hubs through the
/// <see cref="HandoffNotifier"/>, never into the customer's channel.
/// </summary>
public sealed partial class HandoffService
{
    private static readonly HandoffStatus[] ActiveStatuses = [HandoffStatus.Waiting, HandoffStatus.WithAgent];

    private readonly BotAdapter _adapter;
    private readonly IHandoffStore _store;
    private readonly HandoffNotifier _notifier;
    private readonly HandoffContextBuilder _contexts;
    private readonly IStatePropertyAccessor<HandoffMarker> _marker;
    private readonly Func<IHandoffBot?> _bot;
    private readonly TimeProvider _time;
    private readonly HandoffOptions _options;
    private readonly ILogger<HandoffService> _logger;

    /// <summary>
    /// Creates the service. <paramref name="bot"/> is asked for on use (the bot depends on this service);
    /// <paramref name="customers"/> and <paramref name="tickets"/> fill the customer part of the context when given.
    /// </summary>
    public HandoffService(
        BotAdapter adapter,
        IHandoffStore store,
        HandoffNotifier notifier,
        ConversationState conversationState,
        ITranscriptStore transcripts,
        Func<IHandoffBot?> bot,
        TimeProvider timeProvider,
        HandoffOptions options,
        ILogger<HandoffService> logger,
        ICustomerService? customers = null,
        ITicketService? tickets = null)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(transcripts);
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _bot = bot ?? throw new ArgumentNullException(nameof(bot));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _marker = conversationState.CreateProperty<HandoffMarker>(HandoffMarker.Property);
        _contexts = new HandoffContextBuilder(transcripts, conversationState, customers, tickets, options);
    }

    /// <summary>The options in force.</summary>
    public HandoffOptions Options => _options;

    /// <summary>True when an agent hub is registered, so someone can accept; without one, escalate to a ticket instead.</summary>
    public bool IsAvailable => _notifier.HasHubs;

    /// <summary>
    /// Hands the customer of <paramref name="customerTurn"/> to a person: stores a waiting case with the full
    /// context, flags the conversation (its next messages go to the hubs), and queues <c>handoff.initiate</c>
    /// for every hub, delivered once this turn has committed. A conversation already handed over keeps its case.
    /// The customer hears nothing from here: the caller says what fits (see the answer's queue position).
    /// </summary>
    public async Task<HandoffInitiation> InitiateAsync(ITurnContext customerTurn, HandoffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerTurn);
        ArgumentNullException.ThrowIfNull(request);
        var activity = customerTurn.Activity;
        if (activity.ChannelId is null || activity.Conversation?.Id is null)
        {
            throw new ArgumentException("The turn's activity names no channel or conversation.", nameof(customerTurn));
        }

        var now = _time.GetUtcNow();
        var marker = await _marker.GetAsync(customerTurn, null, cancellationToken).ConfigureAwait(false);
        // The flag, or the store when the flag was lost (a turn that failed or re-ran after creating the case).
        var existing = marker is not null ? await _store.GetAsync(marker.CaseId, cancellationToken).ConfigureAwait(false) : null;
        if (existing is not { Status: HandoffStatus.Waiting or HandoffStatus.WithAgent })
        {
            existing = await _store.FindByConversationAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        }

        if (existing is { Status: HandoffStatus.Waiting or HandoffStatus.WithAgent })
        {
            if (marker?.CaseId != existing.Id)
            {
                await _marker.SetAsync(customerTurn, new HandoffMarker { CaseId = existing.Id, LastNoticeAt = now }, cancellationToken).ConfigureAwait(false);
            }

            var (position, length) = await QueuePositionAsync(existing, cancellationToken).ConfigureAwait(false);
            return new HandoffInitiation(existing, position, length, AlreadyActive: true);
        }

        var context = await _contexts.BuildAsync(customerTurn, request, cancellationToken).ConfigureAwait(false);
        var reference = activity.GetConversationReference();
        var created = await _store.CreateAsync(
            new HandoffCase
            {
                Id = string.Empty,
                Reference = reference,
                Status = HandoffStatus.Waiting,
                Reason = request.Reason,
                Context = context,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);
        await _marker.SetAsync(customerTurn, new HandoffMarker { CaseId = created.Id, LastNoticeAt = now }, cancellationToken).ConfigureAwait(false);

        var initiate = HandoffEvents.CreateInitiate(activity, context, now);
        await _notifier.EnqueueAsync(created, HandoffNotificationKinds.Initiated, "initiate", ActivityJson.Serialize(initiate), cancellationToken).ConfigureAwait(false);
        _notifier.Kick(created);
        LogInitiated(_logger, created.Id, created.ChannelId, request.Reason.Kind);
        HandoffMetrics.HandoffStarted(request.Reason.Kind, created.ChannelId);
        var (pos, len) = await QueuePositionAsync(created, cancellationToken).ConfigureAwait(false);
        return new HandoffInitiation(created, pos, len, AlreadyActive: false);
    }

    /// <summary>
    /// An agent takes a waiting case. Atomic: of two agents accepting at once exactly one wins, the other is
    /// told who has it. The winner's hubs get <c>handoff.status</c> accepted; the customer hears the agent join.
    /// </summary>
    public async Task<AcceptResult> AcceptAsync(string id, AgentRef agent, CancellationToken cancellationToken = default)
    {
        ValidateAgent(agent);
        var result = await _store.TryAcceptAsync(id, agent, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (result is not { Outcome: AcceptOutcome.Accepted, Case: { } accepted })
        {
            return result;
        }

        LogAccepted(_logger, accepted.Id, agent.Hub);
        HandoffMetrics.StatusChanged(HandoffStatus.WithAgent, agent.Hub);
        HandoffMetrics.Waited((accepted.AcceptedAt ?? accepted.UpdatedAt) - accepted.CreatedAt, HandoffStatus.WithAgent);
        await NotifyStatusAsync(accepted, HandoffStates.Accepted, $"Accepted by {agent.Name}", cancellationToken).ConfigureAwait(false);
        await _adapter.ContinueConversationAsync(accepted.Reference, async (turn, ct) =>
        {
            var marker = await _marker.GetAsync(turn, () => new HandoffMarker { CaseId = accepted.Id }, ct).ConfigureAwait(false);
            marker!.CaseId = accepted.Id;
            marker.LastNoticeAt = _time.GetUtcNow();
            await SendAsAgentAsync(turn, agent, HandoffTexts.Joined(agent.Name), ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The accepting agent's words to the customer, on the customer's own channel: a proactive turn through
    /// the durable adapter (transcript, outbox, the channel's <c>IChannelSender</c>), sent from the bot's
    /// account under the agent's name. Every hub hears it too (to mirror the thread).
    /// </summary>
    /// <exception cref="ArgumentException">The text is empty or longer than <c>Handoff:MaxAgentMessageLength</c>.</exception>
    public async Task<HandoffActionOutcome> SendToCustomerAsync(string id, AgentRef agent, string text, CancellationToken cancellationToken = default)
    {
        ValidateAgent(agent);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The message is empty.", nameof(text));
        }

        if (text.Length > _options.MaxAgentMessageLength)
        {
            throw new ArgumentException($"The message is longer than {_options.MaxAgentMessageLength} characters.", nameof(text));
        }

        var handoffCase = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (handoffCase is null)
        {
            return HandoffActionOutcome.NotFound;
        }

        if (handoffCase.Status != HandoffStatus.WithAgent)
        {
            return HandoffActionOutcome.NotActive;
        }

        if (handoffCase.Agent?.Id != agent.Id)
        {
            return HandoffActionOutcome.NotYours;
        }

        var sender = handoffCase.Agent;
        await _adapter.ContinueConversationAsync(handoffCase.Reference, (turn, ct) => SendAsAgentAsync(turn, sender, text, ct), cancellationToken).ConfigureAwait(false);
        await _notifier.EnqueueAgentMessageAsync(handoffCase, sender, text, cancellationToken).ConfigureAwait(false);
        _notifier.Kick(handoffCase);
        return HandoffActionOutcome.Done;
    }

    /// <summary>
    /// Closes the case as resolved (<paramref name="note"/> stays on the agent side) and hands the customer back
    /// to the bot, which asks the rating question. Hubs get <c>handoff.status</c> completed.
    /// </summary>
    public Task<HandoffActionOutcome> ResolveAsync(string id, AgentRef agent, string? note = null, CancellationToken cancellationToken = default) =>
        EndAsync(id, agent, HandoffStatus.Closed, note, $"Resolved by {agent?.Name}", cancellationToken);

    /// <summary>Hands the conversation back to the bot without closing the issue; hubs get <c>handoff.status</c> completed.</summary>
    public Task<HandoffActionOutcome> ReturnToBotAsync(string id, AgentRef agent, CancellationToken cancellationToken = default) =>
        EndAsync(id, agent, HandoffStatus.ReturnedToBot, null, $"Returned to the bot by {agent?.Name}", cancellationToken);

    /// <summary>
    /// Fails every case that waited longer than <c>Handoff:AcceptTimeout</c>: hubs get <c>handoff.status</c>
    /// failed, and the bot tells the customer and offers a callback or a ticket. Answers how many failed.
    /// </summary>
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var failed = 0;
        foreach (var overdue in await _store.ListWaitingSinceBeforeAsync(now - _options.AcceptTimeout, cancellationToken).ConfigureAwait(false))
        {
            var handoffCase = await _store.TryTransitionAsync(overdue.Id, [HandoffStatus.Waiting], HandoffStatus.Failed, null, null, now, cancellationToken).ConfigureAwait(false);
            if (handoffCase is null)
            {
                continue; // accepted meanwhile
            }

            failed++;
            LogTimedOut(_logger, handoffCase.Id, _options.AcceptTimeout);
            HandoffMetrics.StatusChanged(HandoffStatus.Failed, "none");
            HandoffMetrics.Waited(now - handoffCase.CreatedAt, HandoffStatus.Failed);
            await NotifyStatusAsync(handoffCase, HandoffStates.Failed, $"Nobody accepted within {_options.AcceptTimeout}", cancellationToken).ConfigureAwait(false);
            await HandBackAsync(handoffCase, cancellationToken).ConfigureAwait(false);
        }

        return failed;
    }

    public Task<HandoffCase?> GetAsync(string id, CancellationToken cancellationToken = default) => _store.GetAsync(id, cancellationToken);

    /// <summary>The cases with <paramref name="status"/> (all when null), oldest first: <see cref="HandoffStatus.Waiting"/> is the live queue.</summary>
    public Task<IReadOnlyList<HandoffCase>> ListAsync(HandoffStatus? status = null, CancellationToken cancellationToken = default) =>
        _store.ListAsync(status, cancellationToken: cancellationToken);

    /// <summary>The conversation's latest case, or null.</summary>
    public Task<HandoffCase?> FindByConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default) =>
        _store.FindByConversationAsync(channelId, conversationId, cancellationToken);

    /// <summary>Keeps a hub's data on the case (e.g. <c>teams.conversationId</c>); false when there is no such case.</summary>
    public Task<bool> SetHubDataAsync(string id, string key, string value, CancellationToken cancellationToken = default) =>
        _store.SetHubDataAsync(id, key, value, cancellationToken);

    /// <summary>The case's place in the waiting queue (1 = next; 0 when not waiting) and the queue's length.</summary>
    public async Task<(int Position, int Length)> QueuePositionAsync(HandoffCase handoffCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        return await _store.QueuePositionAsync(handoffCase.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HandoffActionOutcome> EndAsync(string id, AgentRef agent, HandoffStatus to, string? note, string message, CancellationToken cancellationToken)
    {
        ValidateAgent(agent);
        var handoffCase = await _store.TryTransitionAsync(id, ActiveStatuses, to, agent.Id, note, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (handoffCase is null)
        {
            var current = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return current switch
            {
                null => HandoffActionOutcome.NotFound,
                { Status: HandoffStatus.WithAgent } => HandoffActionOutcome.NotYours,
                _ => HandoffActionOutcome.NotActive,
            };
        }

        LogEnded(_logger, handoffCase.Id, HandoffJson.Name(to), agent.Hub);
        HandoffMetrics.StatusChanged(to, agent.Hub);
        await NotifyStatusAsync(handoffCase, HandoffStates.Completed, message, cancellationToken).ConfigureAwait(false);
        await HandBackAsync(handoffCase, cancellationToken).ConfigureAwait(false);
        return HandoffActionOutcome.Done;
    }

    /// <summary>A proactive turn that clears the conversation's flag and lets the bot speak again.</summary>
    private Task HandBackAsync(HandoffCase handoffCase, CancellationToken cancellationToken) =>
        _adapter.ContinueConversationAsync(handoffCase.Reference, async (turn, ct) =>
        {
            var marker = await _marker.GetAsync(turn, null, ct).ConfigureAwait(false);
            if (marker is null || marker.CaseId == handoffCase.Id)
            {
                await _marker.DeleteAsync(turn, ct).ConfigureAwait(false);
            }

            if (_bot() is { } bot)
            {
                await bot.OnHandoffEndedAsync(turn, handoffCase, ct).ConfigureAwait(false);
            }
        }, cancellationToken);

    private async Task NotifyStatusAsync(HandoffCase handoffCase, string state, string message, CancellationToken cancellationToken)
    {
        var status = HandoffEvents.CreateStatus(handoffCase, state, message, _time.GetUtcNow());
        await _notifier.EnqueueAsync(handoffCase, HandoffNotificationKinds.Status, "status:" + state, ActivityJson.Serialize(status), cancellationToken).ConfigureAwait(false);
        _notifier.Kick(handoffCase);
    }

    /// <summary>Sends from the bot's account (role bot) under the agent's name: customers cannot post as an agent.</summary>
    internal static Task SendAsAgentAsync(ITurnContext turn, AgentRef agent, string text, CancellationToken cancellationToken)
    {
        turn.OnSendActivities((context, activities, next) =>
        {
            foreach (var activity in activities)
            {
                activity.From = new ChannelAccount(activity.From?.Id ?? DurableBotAdapter.DefaultBotId, agent.Name, RoleTypes.Bot);
            }

            return next();
        });
        return turn.SendActivityAsync(text, InputHints.AcceptingInput, cancellationToken);
    }

    private static void ValidateAgent(AgentRef agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Id, nameof(agent));
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Name, nameof(agent));
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Hub, nameof(agent));
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Handoff {CaseId} started on channel '{ChannelId}' ({Reason})")]
    private static partial void LogInitiated(ILogger logger, string caseId, string channelId, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Handoff {CaseId} accepted in hub '{Hub}'")]
    private static partial void LogAccepted(ILogger logger, string caseId, string hub);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Handoff {CaseId} is now '{Status}' (hub '{Hub}')")]
    private static partial void LogEnded(ILogger logger, string caseId, string status, string hub);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Handoff {CaseId}: nobody accepted within {Timeout}; the customer is offered a callback or a ticket")]
    private static partial void LogTimedOut(ILogger logger, string caseId, TimeSpan timeout);
}
