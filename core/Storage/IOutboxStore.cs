using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage;

/// <summary>
/// Outgoing operations committed with a turn's state and not yet delivered to their channel. An entry
/// leaves the outbox only when its channel took it, so a crash between commit and delivery loses nothing.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Undelivered entries, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Undelivered entries of one conversation, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes delivered entries. They leave the pending reads at once; the returned task completes when the
    /// removal is durable. A caller that does not wait accepts that a crash before then delivers them again.
    /// </summary>
    Task MarkDeliveredAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default);
}

/// <summary>What an outbox entry asks the channel to do.</summary>
public enum OutboxOperation
{
    Send = 0,
    Update = 1,
    Delete = 2,
}

/// <summary>One outgoing operation; <see cref="Sequence"/> orders entries across the whole store.</summary>
public sealed record OutboxEntry(long Sequence, OutboxOperation Operation, Activity Activity)
{
    /// <summary>
    /// The activity's JSON (UTF-8) exactly as the store wrote it, when the store has it at hand (a fresh commit);
    /// a sender may send these bytes instead of serialising the activity again. Null: serialise <see cref="Activity"/>.
    /// </summary>
    public byte[]? Json { get; init; }
}
