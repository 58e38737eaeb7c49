using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage;

/// <summary>
/// Commits everything one turn produced in a single transaction: its state changes (ETag-checked), the
/// mark that its inbound activity was processed, its transcript lines and its outbox entries.
/// </summary>
public interface ITurnStore
{
    /// <summary>True when this inbound activity has already been committed by some turn.</summary>
    Task<bool> IsProcessedAsync(ActivityKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits the turn; answers its outbox entries with their sequence numbers. Throws
    /// <see cref="StorageConflictException"/> on a stale ETag and <see cref="DuplicateActivityException"/>
    /// when the inbound activity was committed meanwhile; in both cases nothing is written.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default);
}

/// <summary>What one turn produced, gathered while it ran and committed once at its end.</summary>
public sealed class TurnCommit
{
    /// <summary>The inbound activity this turn processed; null for proactive turns.</summary>
    public ActivityKey? Inbound { get; set; }

    public Dictionary<string, StoreItem> StateChanges { get; } = new(StringComparer.Ordinal);

    /// <summary>Inbound and outbound activities in the order they happened.</summary>
    public List<Activity> Transcript { get; } = [];

    /// <summary>Operations to deliver after the commit, in order.</summary>
    public List<(OutboxOperation Operation, Activity Activity)> Outbox { get; } = [];
}

/// <summary>The inbound activity was already processed by another turn (a duplicate delivery).</summary>
public sealed class DuplicateActivityException(ActivityKey key)
    : InvalidOperationException($"Activity '{key.ActivityId}' in conversation '{key.ConversationId}' on '{key.ChannelId}' was already processed.")
{
    public ActivityKey Key { get; } = key;
}
