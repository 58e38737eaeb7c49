using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>The outbox: rows leave only when their channel took them.</summary>
public sealed partial class SqliteStorage : IOutboxStore
{
    // Entries marked delivered whose delete has not committed yet: reads leave them out.
    private readonly ConcurrentDictionary<long, byte> _delivering = new();

    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (var read = _readers.Rent())
        {
            var command = read.Session.Command(null, "SELECT seq, operation, activity FROM outbox ORDER BY seq LIMIT $limit;", "$limit");
            command.Parameters[0].Value = maxCount;
            return Task.FromResult(ReadEntries(command, Delivering()));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (var read = _readers.Rent())
        {
            var command = read.Session.Command(null,
                "SELECT seq, operation, activity FROM outbox WHERE channel_id = $channel AND conversation_id = $conversation ORDER BY seq;",
                "$channel", "$conversation");
            command.Parameters[0].Value = channelId;
            command.Parameters[1].Value = conversationId;
            return Task.FromResult(ReadEntries(command, Delivering()));
        }
    }

    public Task MarkDeliveredAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (sequences.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var sequence in sequences)
        {
            _delivering.TryAdd(sequence, 0);
        }

        var deleted = _writer.RunAsync((session, transaction) =>
        {
            var delete = session.Statement("DELETE FROM outbox WHERE seq = ?1;");
            foreach (var sequence in sequences)
            {
                delete.Bind(1, sequence).Execute();
            }

            return true;
        });
        return ForgetWhenSettledAsync(deleted, sequences);
    }

    /// <summary>
    /// Once the delete has committed the rows are gone; if it failed they are pending again (and will be
    /// delivered once more, as after a crash between delivery and the mark).
    /// </summary>
    private async Task ForgetWhenSettledAsync(Task<bool> deleted, IReadOnlyCollection<long> sequences)
    {
        try
        {
            await deleted.ConfigureAwait(false);
        }
        finally
        {
            foreach (var sequence in sequences)
            {
                _delivering.TryRemove(sequence, out _);
            }
        }
    }

    /// <summary>
    /// The entries whose delete is under way, taken before a read: a delete that commits after the read's
    /// snapshot was taken is then still in this copy, so the read never returns a delivered entry.
    /// </summary>
    private HashSet<long> Delivering() => _delivering.IsEmpty ? [] : [.. _delivering.Keys];

    private static IReadOnlyList<OutboxEntry> ReadEntries(SqliteCommand command, HashSet<long> delivering)
    {
        var entries = new List<OutboxEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var sequence = reader.GetInt64(0);
            if (delivering.Contains(sequence))
            {
                continue;
            }

            var activity = JsonSerializer.Deserialize(reader.GetString(2), CoreJsonContext.Default.Activity)!;
            entries.Add(new OutboxEntry(sequence, (OutboxOperation)reader.GetInt32(1), activity));
        }

        return entries;
    }
}
