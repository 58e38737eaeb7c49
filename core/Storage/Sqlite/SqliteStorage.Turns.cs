using Microsoft.Data.Sqlite;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>The turn commit: state, processed mark, transcript and outbox in one transaction.</summary>
public sealed partial class SqliteStorage : ITurnStore
{
    public Task<bool> IsProcessedAsync(ActivityKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (var read = _readers.Rent())
        {
            return Task.FromResult(IsProcessed(read.Session, key));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // JSON is made here, on the caller's thread: the one writer only binds and steps statements.
        var json = new Dictionary<Activity, byte[]>(ReferenceEqualityComparer.Instance);
        foreach (var activity in commit.Transcript)
        {
            JsonOf(activity, json);
        }

        foreach (var (_, activity) in commit.Outbox)
        {
            JsonOf(activity, json);
        }

        return _writer.RunAsync((session, _) => CommitTurn(session, commit, json));
    }

    /// <summary>Checks the processed mark, then the ETags (in WriteItems), before it changes anything: a refused turn has changed nothing (see SqliteGroupWriter).</summary>
    private static IReadOnlyList<OutboxEntry> CommitTurn(SqliteSession session, TurnCommit commit, Dictionary<Activity, byte[]> json)
    {
        if (commit.Inbound is { } key && IsProcessed(session, key))
        {
            throw new DuplicateActivityException(key);
        }

        WriteItems(session, commit.StateChanges);

        if (commit.Inbound is { } inbound)
        {
            session.Statement("INSERT INTO processed_activities (channel_id, conversation_id, activity_id) VALUES (?1, ?2, ?3);")
                .Bind(1, inbound.ChannelId).Bind(2, inbound.ConversationId).Bind(3, inbound.ActivityId).Execute();
        }

        foreach (var activity in commit.Transcript)
        {
            InsertTranscript(session, activity, JsonOf(activity, json));
        }

        var entries = new List<OutboxEntry>(commit.Outbox.Count);
        var insert = session.Statement(
            "INSERT INTO outbox (channel_id, conversation_id, operation, activity) VALUES (?1, ?2, ?3, ?4) RETURNING seq;");
        foreach (var (operation, activity) in commit.Outbox)
        {
            var bytes = JsonOf(activity, json);
            var sequence = insert
                .Bind(1, activity.ChannelId ?? string.Empty)
                .Bind(2, activity.Conversation?.Id ?? string.Empty)
                .Bind(3, (int)operation)
                .BindUtf8(4, bytes)
                .ExecuteInt64();
            entries.Add(new OutboxEntry(sequence, operation, activity) { Json = bytes });
        }

        return entries;
    }

    private static bool IsProcessed(SqliteSession session, ActivityKey key) => session
        .Statement("SELECT 1 FROM processed_activities WHERE channel_id = ?1 AND conversation_id = ?2 AND activity_id = ?3;")
        .Bind(1, key.ChannelId).Bind(2, key.ConversationId).Bind(3, key.ActivityId)
        .QueryFirst(_ => true, false);

    // Outbox activities are transcript activities too: each is serialised once.
    private static byte[] JsonOf(Activity activity, Dictionary<Activity, byte[]> cache)
    {
        if (!cache.TryGetValue(activity, out var json))
        {
            json = ActivityJson.SerializeToUtf8(activity);
            cache[activity] = json;
        }

        return json;
    }
}
