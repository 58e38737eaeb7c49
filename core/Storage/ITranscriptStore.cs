using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage;

/// <summary>Every inbound and outbound activity of every conversation, in the order they happened.</summary>
public interface ITranscriptStore
{
    /// <summary>Appends activities outside a turn (a rejected message, an agent's note).</summary>
    Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>One page of a conversation's transcript, oldest first; pass the answer's token for the next page.</summary>
    Task<TranscriptPage> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, CancellationToken cancellationToken = default);

    Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>A page of transcript; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TranscriptPage(IReadOnlyList<Activity> Activities, string? ContinuationToken);
