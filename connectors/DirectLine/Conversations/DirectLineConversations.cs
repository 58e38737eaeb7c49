using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Connectors.DirectLine.Streaming;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.DirectLine.Conversations;

/// <summary>
/// Each conversation's durable activity log in <see cref="IStorage"/>: a head record holding the last
/// watermark and one item per activity keyed by its watermark. An append writes the head (ETag-checked)
/// and the new items in one batch, so watermarks survive restarts and two instances sharing a store never
/// hand out the same watermark (the loser re-reads and retries). Appends of one conversation are also
/// serialised in-process, and published to its open streams while still in order.
/// </summary>
internal sealed class DirectLineConversations(IStorage storage, DirectLineStreams streams, TimeProvider timeProvider)
{
    private const int MaxAttempts = 8;
    // One lane per conversation for appends to its log (its own queue, not the adapter's: delivery appends
    // run inside the adapter's lane for the same conversation).
    private readonly ConversationQueue _appendLanes = new();

    /// <summary>The activity id the server gives the posted activity with watermark <paramref name="sequence"/>.</summary>
    public static string ActivityIdOf(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:0000000}");

    /// <summary>A new, unguessable conversation id.</summary>
    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var key = HeadKey(conversationId);
        var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var item) ? item.Value.Deserialize(DirectLineJsonContext.Default.ConversationRecord) : null;
    }

    /// <summary>Creates the conversation; false when it already exists.</summary>
    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        var head = new ConversationRecord(userId, timeProvider.GetUtcNow(), 0);
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [HeadKey(conversationId)] = new(Json(head)) }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    /// <summary>
    /// Appends a posted activity: it gets the next watermark, the id <c>{conversationId}|{watermark}</c> and
    /// a timestamp. With a <paramref name="clientActivityId"/> seen before, nothing is written and the earlier
    /// activity comes back as a duplicate.
    /// </summary>
    public Task<AppendResult> AppendPostedAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken = default)
    {
        var clientKey = clientActivityId is null ? null : ClientKey(conversationId, clientActivityId);
        return AppendAsync(conversationId, [activity], clientKey, assignIds: true, cancellationToken);
    }

    /// <summary>
    /// Appends the bot's activities from one outbox entry; <paramref name="outboxSequence"/> makes a retried
    /// delivery of the same entry a no-op.
    /// </summary>
    public Task<AppendResult> AppendDeliveredAsync(string conversationId, Activity activity, long outboxSequence, CancellationToken cancellationToken = default) =>
        AppendAsync(conversationId, [activity], DeliveredKey(conversationId, outboxSequence), assignIds: false, cancellationToken);

    /// <summary>The activities after <paramref name="watermark"/>, at most <paramref name="max"/>, and the watermark after them.</summary>
    public async Task<(IReadOnlyList<Activity> Activities, long Watermark)> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken = default)
    {
        var head = await FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return ([], 0);
        }

        // A watermark from the future (a store that was reset) restarts nowhere but at the end.
        var from = Math.Clamp(watermark, 0, head.Last);
        var to = Math.Min(head.Last, from + max);
        if (to == from)
        {
            return ([], from);
        }

        var keys = new List<string>((int)(to - from));
        for (var seq = from + 1; seq <= to; seq++)
        {
            keys.Add(ItemKey(conversationId, seq));
        }

        var found = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var activities = new List<Activity>(keys.Count);
        foreach (var key in keys)
        {
            if (found.TryGetValue(key, out var item))
            {
                activities.Add(item.Value.Deserialize(CoreJsonContext.Default.Activity)!);
            }
        }

        return (activities, to);
    }

    /// <summary>Runs <paramref name="action"/> alone with the conversation's appends (a stream joining).</summary>
    public async Task<T> WithAppendsPausedAsync<T>(string conversationId, Func<Task<T>> action)
    {
        using (await _appendLanes.EnterAsync(conversationId).ConfigureAwait(false))
        {
            return await action().ConfigureAwait(false);
        }
    }

    private async Task<AppendResult> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, string? onceKey, bool assignIds, CancellationToken cancellationToken)
    {
        using (await _appendLanes.EnterAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 1; ; attempt++)
            {
                var headKey = HeadKey(conversationId);
                var keys = onceKey is null ? new[] { headKey } : [headKey, onceKey];
                var found = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
                if (!found.TryGetValue(headKey, out var headItem))
                {
                    throw new KeyNotFoundException($"Direct Line conversation '{conversationId}' does not exist.");
                }

                if (onceKey is not null && found.TryGetValue(onceKey, out var once))
                {
                    return await EarlierAsync(conversationId, once, cancellationToken).ConfigureAwait(false);
                }

                var head = headItem.Value.Deserialize(DirectLineJsonContext.Default.ConversationRecord)!;
                var changes = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
                var logged = new List<Activity>(activities.Count);
                var seq = head.Last;
                foreach (var activity in activities)
                {
                    seq++;
                    var entry = assignIds ? activity with { Id = ActivityIdOf(conversationId, seq), Timestamp = timeProvider.GetUtcNow() } : activity;
                    logged.Add(entry);
                    changes[ItemKey(conversationId, seq)] = new StoreItem(JsonSerializer.SerializeToElement(entry, CoreJsonContext.Default.Activity), StoreItem.AnyETag);
                }

                changes[headKey] = new StoreItem(Json(head with { Last = seq }), headItem.ETag);
                if (onceKey is not null)
                {
                    changes[onceKey] = new StoreItem(JsonSerializer.SerializeToElement(new ClientActivityRecord(seq, logged[^1].Id ?? string.Empty), DirectLineJsonContext.Default.ClientActivityRecord));
                }

                try
                {
                    await storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
                }
                catch (StorageConflictException) when (attempt < MaxAttempts)
                {
                    // Another instance appended (or took the client activity id) first: re-read and retry.
                    continue;
                }

                streams.Publish(conversationId, new ActivitySet(logged, seq.ToString(CultureInfo.InvariantCulture)));
                return new AppendResult(logged, seq);
            }
        }
    }

    private async Task<AppendResult> EarlierAsync(string conversationId, StoreItem once, CancellationToken cancellationToken)
    {
        var record = once.Value.Deserialize(DirectLineJsonContext.Default.ClientActivityRecord)!;
        var key = ItemKey(conversationId, record.Sequence);
        var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var activities = found.TryGetValue(key, out var item) ? [item.Value.Deserialize(CoreJsonContext.Default.Activity)!] : Array.Empty<Activity>();
        return new AppendResult(activities, record.Sequence, Duplicate: true);
    }

    private static JsonElement Json(ConversationRecord head) =>
        JsonSerializer.SerializeToElement(head, DirectLineJsonContext.Default.ConversationRecord);

    private static string HeadKey(string conversationId) => $"directline/c/{conversationId}";

    private static string ItemKey(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"directline/c/{conversationId}/a/{sequence:0000000000}");

    /// <summary>Client ids are client-chosen text: hashed so any value makes a safe, bounded key.</summary>
    private static string ClientKey(string conversationId, string clientActivityId) =>
        $"directline/c/{conversationId}/client/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientActivityId)))}";

    private static string DeliveredKey(string conversationId, long outboxSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"directline/c/{conversationId}/out/{outboxSequence}");
}
