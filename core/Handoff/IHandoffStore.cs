namespace SupportBot.Core.Handoff;

/// <summary>
/// Durable handoff cases and the hub notifications not yet delivered. State changes are conditional on the
/// current status, so two processes (or two agents) racing for one case cannot both win.
/// </summary>
public interface IHandoffStore
{
    /// <summary>Stores a new case (its <see cref="HandoffCase.Id"/> is assigned here) and answers it.</summary>
    Task<HandoffCase> CreateAsync(HandoffCase handoffCase, CancellationToken cancellationToken = default);

    Task<HandoffCase?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The conversation's latest case, or null.</summary>
    Task<HandoffCase?> FindByConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Cases with <paramref name="status"/> (all when null), oldest first.</summary>
    Task<IReadOnlyList<HandoffCase>> ListAsync(HandoffStatus? status = null, int limit = 500, CancellationToken cancellationToken = default);

    /// <summary>Waiting cases created before <paramref name="createdBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<HandoffCase>> ListWaitingSinceBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default);

    /// <summary>The case's place among the waiting cases (1 = next; 0 when it is not waiting) and how many wait.</summary>
    Task<(int Position, int Length)> QueuePositionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Atomically moves a waiting case to <see cref="HandoffStatus.WithAgent"/> for <paramref name="agent"/>.</summary>
    Task<AcceptResult> TryAcceptAsync(string id, AgentRef agent, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the case to <paramref name="to"/> only when its status is one of <paramref name="from"/> (and, when
    /// <paramref name="agentId"/> is given and the case is with an agent, only for that agent); answers the
    /// case after the change, or null when the condition did not hold.
    /// </summary>
    Task<HandoffCase?> TryTransitionAsync(string id, IReadOnlyCollection<HandoffStatus> from, HandoffStatus to, string? agentId, string? note, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Sets one key of the case's <see cref="HandoffCase.HubData"/>; false when the case does not exist.</summary>
    Task<bool> SetHubDataAsync(string id, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Queues a notification for each hub; a (case, hub, key) already queued or sent is not queued again.</summary>
    Task EnqueueAsync(string caseId, IReadOnlyCollection<string> hubs, string kind, string dedupeKey, string payload, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Pending notifications of one case (or of all cases when null) due at <paramref name="now"/>, in order.</summary>
    Task<IReadOnlyList<HandoffNotification>> ReadDueAsync(string? caseId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks a notification delivered.</summary>
    Task MarkSentAsync(long sequence, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task RescheduleAsync(long sequence, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);
}

/// <summary>A notification for one hub about one case.</summary>
/// <param name="Sequence">Orders notifications across the store.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Hub">The hub's <see cref="IAgentHub.Name"/>.</param>
/// <param name="Kind">One of <see cref="HandoffNotificationKinds"/>.</param>
/// <param name="Payload">JSON: the event or message activity, or the agent message.</param>
/// <param name="Attempts">Failed attempts so far.</param>
public sealed record HandoffNotification(long Sequence, string CaseId, string Hub, string Kind, string Payload, int Attempts);

/// <summary>Values of <see cref="HandoffNotification.Kind"/>.</summary>
public static class HandoffNotificationKinds
{
    public const string Initiated = "initiated";
    public const string CustomerMessage = "customer-message";
    public const string Status = "status";
    public const string AgentMessage = "agent-message";
}
