using System.Text.Json;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Durable polling checkpoints in the bot's storage (key <c>social/{channel}/{stream}/checkpoint</c>).
/// A checkpoint only moves forward, and only after the post's turn is committed: a crash in between
/// re-reads the post, and the adapter's dedupe (activity id = post id) makes it one turn.
/// </summary>
public sealed class SocialCheckpoints(IStorage storage, TimeProvider timeProvider)
{
    public async Task<string?> GetAsync(string channelId, string stream, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(channelId, stream);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? item.Value.Deserialize(SocialJsonContext.Default.SocialCheckpoint)?.LastId : null;
    }

    /// <summary>Moves the checkpoint to <paramref name="lastId"/> unless it is already there or further.</summary>
    public async Task AdvanceAsync(string channelId, string stream, string lastId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lastId);
        var key = KeyOf(channelId, stream);
        for (var attempt = 0; ; attempt++)
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            items.TryGetValue(key, out var current);
            var currentId = current?.Value.Deserialize(SocialJsonContext.Default.SocialCheckpoint)?.LastId;
            if (currentId is not null && PostIds.Compare(currentId, lastId) >= 0)
            {
                return;
            }

            var value = JsonSerializer.SerializeToElement(new SocialCheckpoint(lastId, timeProvider.GetUtcNow()), SocialJsonContext.Default.SocialCheckpoint);
            try
            {
                // The ETag read above (null: create) makes a second instance's concurrent move a conflict, not a step back.
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(value, current?.ETag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < 5)
            {
            }
        }
    }

    private static string KeyOf(string channelId, string stream) => $"social/{channelId}/{stream}/checkpoint";
}
