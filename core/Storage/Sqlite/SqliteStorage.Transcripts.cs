using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>Transcripts: one row per activity, ordered by an ever-growing sequence number.</summary>
public sealed partial class SqliteStorage : ITranscriptStore
{
    private const int TranscriptPageSize = 100;

    public Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _writer.RunAsync((session, _) =>
        {
            foreach (var activity in activities)
            {
                InsertTranscript(session, activity, ActivityJson.SerializeToUtf8(activity));
            }

            return true;
        });
    }

    public Task<TranscriptPage> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var after = continuationToken is null ? 0L : long.Parse(continuationToken, CultureInfo.InvariantCulture);
        var activities = new List<Activity>();
        long last = 0;
        using (var read = _readers.Rent())
        {
            var command = read.Session.Command(null,
                "SELECT seq, activity FROM transcript WHERE channel_id = $channel AND conversation_id = $conversation AND seq > $after ORDER BY seq LIMIT $limit;",
                "$channel", "$conversation", "$after", "$limit");
            command.Parameters[0].Value = channelId;
            command.Parameters[1].Value = conversationId;
            command.Parameters[2].Value = after;
            command.Parameters[3].Value = TranscriptPageSize + 1;
            using var reader = command.ExecuteReader();
            while (activities.Count < TranscriptPageSize && reader.Read())
            {
                last = reader.GetInt64(0);
                activities.Add(JsonSerializer.Deserialize(reader.GetString(1), CoreJsonContext.Default.Activity)!);
            }

            var more = reader.Read();
            return Task.FromResult(new TranscriptPage(activities, more ? last.ToString(CultureInfo.InvariantCulture) : null));
        }
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _writer.RunAsync((session, transaction) =>
        {
            var command = session.Command(transaction, "DELETE FROM transcript WHERE channel_id = $channel AND conversation_id = $conversation;", "$channel", "$conversation");
            command.Parameters[0].Value = channelId;
            command.Parameters[1].Value = conversationId;
            return command.ExecuteNonQuery();
        });
    }

    private static void InsertTranscript(SqliteSession session, Activity activity, byte[] json)
    {
        session.Statement("INSERT INTO transcript (channel_id, conversation_id, activity) VALUES (?1, ?2, ?3);")
            .Bind(1, activity.ChannelId ?? string.Empty)
            .Bind(2, activity.Conversation?.Id ?? string.Empty)
            .BindUtf8(3, json)
            .Execute();
    }
}
