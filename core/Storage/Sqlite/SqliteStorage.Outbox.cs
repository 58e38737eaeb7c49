using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>The outbox: rows leave only when their channel took them.</summary>
public sealed partial class SqliteStorage : IOutboxStore
{
    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (var read = _readers.Rent())
        {
            var command = read.Session.Command(null, "SELECT seq, operation, activity FROM outbox ORDER BY seq LIMIT $limit;", "$limit");
            command.Parameters[0].Value = maxCount;
            return Task.FromResult(ReadEntries(command));
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
            return Task.FromResult(ReadEntries(command));
        }
    }

    public Task MarkDeliveredAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (sequences.Count == 0)
        {
            return Task.CompletedTask;
        }

        return _writer.RunAsync((session, transaction) =>
        {
            var command = session.Command(transaction, "DELETE FROM outbox WHERE seq = $seq;", "$seq");
            foreach (var sequence in sequences)
            {
                command.Parameters[0].Value = sequence;
                command.ExecuteNonQuery();
            }

            return true;
        });
    }

    private static IReadOnlyList<OutboxEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<OutboxEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var activity = JsonSerializer.Deserialize(reader.GetString(2), CoreJsonContext.Default.Activity)!;
            entries.Add(new OutboxEntry(reader.GetInt64(0), (OutboxOperation)reader.GetInt32(1), activity));
        }

        return entries;
    }
}
