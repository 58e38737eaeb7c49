using System.Collections.Concurrent;
using System.Globalization;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage;

/// <summary>
/// Everything in process memory: for tests, benchmarks and trying things out. Lost when the process ends.
/// Activities are stored as JSON so later changes to the caller's objects never leak in.
/// </summary>
public sealed class MemoryStorage : IStorage, ITranscriptStore, IOutboxStore, ITurnStore
{
    private const int PageSize = 100;

    private readonly Lock _gate = new();
    // Reads go without the lock (each key is replaced whole); every write takes the lock so a batch's
    // ETag checks and writes happen together.
    private readonly ConcurrentDictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ActivityKey, bool> _processed = new();
    private readonly Dictionary<(string Channel, string Conversation), List<byte[]>> _transcripts = [];
    private readonly SortedDictionary<long, (OutboxOperation Operation, string ChannelId, string ConversationId, byte[] Activity)> _outbox = [];
    private long _outboxSequence;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var item))
            {
                result[key] = item;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(WriteLocked(changes));
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsProcessedAsync(ActivityKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_processed.ContainsKey(key));

    public Task<IReadOnlyList<OutboxEntry>> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        // Serialise outside the lock (outbox activities are transcript activities too: each once).
        var json = new Dictionary<Activity, byte[]>(commit.Transcript.Count, ReferenceEqualityComparer.Instance);
        foreach (var activity in commit.Transcript.Concat(commit.Outbox.Select(o => o.Activity)))
        {
            json.TryAdd(activity, ActivityJson.SerializeToUtf8(activity));
        }

        lock (_gate)
        {
            if (commit.Inbound is { } inbound && _processed.ContainsKey(inbound))
            {
                throw new DuplicateActivityException(inbound);
            }

            WriteLocked(commit.StateChanges);
            if (commit.Inbound is { } key)
            {
                _processed[key] = true;
            }

            foreach (var activity in commit.Transcript)
            {
                AppendTranscriptLocked(activity, json[activity]);
            }

            var entries = new List<OutboxEntry>(commit.Outbox.Count);
            foreach (var (operation, activity) in commit.Outbox)
            {
                var sequence = ++_outboxSequence;
                _outbox[sequence] = (operation, activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, json[activity]);
                entries.Add(new OutboxEntry(sequence, operation, activity));
            }

            return Task.FromResult<IReadOnlyList<OutboxEntry>>(entries);
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entries = _outbox.Take(maxCount)
                .Select(e => new OutboxEntry(e.Key, e.Value.Operation, Deserialize(e.Value.Activity)))
                .ToList();
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(entries);
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entries = _outbox
                .Where(e => e.Value.ChannelId == channelId && e.Value.ConversationId == conversationId)
                .Select(e => new OutboxEntry(e.Key, e.Value.Operation, Deserialize(e.Value.Activity)))
                .ToList();
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(entries);
        }
    }

    public Task MarkDeliveredAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var sequence in sequences)
            {
                _outbox.Remove(sequence);
            }
        }

        return Task.CompletedTask;
    }

    public Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var activity in activities)
            {
                AppendTranscriptLocked(activity, ActivityJson.SerializeToUtf8(activity));
            }
        }

        return Task.CompletedTask;
    }

    public Task<TranscriptPage> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var start = continuationToken is null ? 0 : int.Parse(continuationToken, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (!_transcripts.TryGetValue((channelId, conversationId), out var lines))
            {
                return Task.FromResult(new TranscriptPage([], null));
            }

            var page = lines.Skip(start).Take(PageSize).Select(Deserialize).ToList();
            var next = start + page.Count < lines.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new TranscriptPage(page, next));
        }
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _transcripts.Remove((channelId, conversationId));
        }

        return Task.CompletedTask;
    }

    private IReadOnlyDictionary<string, string> WriteLocked(IReadOnlyDictionary<string, StoreItem> changes)
    {
        // Check every ETag before writing anything: a batch is all or nothing.
        foreach (var (key, item) in changes)
        {
            var current = _items.TryGetValue(key, out var stored) ? stored.ETag : null;
            if (!ETagCheck.Allows(item.ETag, current))
            {
                throw new StorageConflictException(key);
            }
        }

        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, item) in changes)
        {
            var etag = ETagCheck.NewETag();
            _items[key] = StoreItem.FromUtf8(item.Utf8.ToArray(), etag);
            etags[key] = etag;
        }

        return etags;
    }

    private void AppendTranscriptLocked(Activity activity, byte[] json)
    {
        var key = (activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty);
        if (!_transcripts.TryGetValue(key, out var lines))
        {
            lines = [];
            _transcripts[key] = lines;
        }

        lines.Add(json);
    }

    private static Activity Deserialize(byte[] json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, CoreJsonContext.Default.Activity)!;
}
