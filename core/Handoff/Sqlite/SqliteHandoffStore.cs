using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage.Sqlite;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Handoff.Sqlite;

/// <summary>
/// <see cref="IHandoffStore"/> on SQLite, normally the bot's own database file (tables <c>handoff_*</c>,
/// versioned by <see cref="HandoffSchema"/>). One connection used under a lock; state changes are
/// conditional UPDATEs (<c>… WHERE status = 'waiting'</c>), so they stay atomic across processes sharing
/// the file too. Dispose once at shutdown.
/// </summary>
public sealed class SqliteHandoffStore : IHandoffStore, IDisposable
{
    private const string CaseColumns = "id, status, agent_id, agent_name, agent_hub, reason, reference, context, hub_data, note, created_at, updated_at, accepted_at";

    private readonly SqliteGuardedConnection _connection;

    private SqliteHandoffStore(SqliteConnection connection) => _connection = new SqliteGuardedConnection(connection);

    /// <summary>Opens the store on any SQLite connection string, creating the tables if missing.</summary>
    public static SqliteHandoffStore Open(string connectionString, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = Math.Max(1, (int)timeout.TotalSeconds) };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={(int)timeout.TotalMilliseconds};";
                pragma.ExecuteNonQuery();
            }

            HandoffSchema.Apply(connection);
            return new SqliteHandoffStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the store on the SQLite file at <paramref name="filePath"/>, creating it if missing; the process keeps
    /// the file to itself (<see cref="SqliteFile"/>).
    /// </summary>
    public static SqliteHandoffStore OpenFile(string filePath) =>
        Open(SqliteFile.ConnectionString(filePath, sharedWithOtherProcesses: false));

    /// <summary>A private in-memory database (the Memory storage provider and tests); lost on dispose.</summary>
    public static SqliteHandoffStore OpenInMemory(string? name = null) =>
        Open(new SqliteConnectionStringBuilder { DataSource = $"file:{name ?? "handoff-" + Guid.NewGuid().ToString("N")}?mode=memory&cache=shared" }.ToString());

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => Read(c => HandoffSchema.CurrentVersion(c));

    public Task<HandoffCase> CreateAsync(HandoffCase handoffCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        var created = Write((connection, transaction) =>
        {
            using var command = Command(connection, transaction, """
                INSERT INTO handoff_cases (channel_id, conversation_id, status, agent_id, agent_name, agent_hub, reason, reference, context, hub_data, note, created_at, updated_at, accepted_at)
                VALUES ($channel, $conversation, $status, $agentId, $agentName, $agentHub, $reason, $reference, $context, $hubData, $note, $created, $updated, $accepted)
                RETURNING id;
                """);
            command.Parameters.AddWithValue("$channel", handoffCase.ChannelId);
            command.Parameters.AddWithValue("$conversation", handoffCase.ConversationId);
            command.Parameters.AddWithValue("$status", HandoffJson.Name(handoffCase.Status));
            command.Parameters.AddWithValue("$agentId", (object?)handoffCase.Agent?.Id ?? DBNull.Value);
            command.Parameters.AddWithValue("$agentName", (object?)handoffCase.Agent?.Name ?? DBNull.Value);
            command.Parameters.AddWithValue("$agentHub", (object?)handoffCase.Agent?.Hub ?? DBNull.Value);
            command.Parameters.AddWithValue("$reason", JsonSerializer.Serialize(handoffCase.Reason, HandoffJson.Options));
            command.Parameters.AddWithValue("$reference", JsonSerializer.Serialize(handoffCase.Reference, CoreJsonContext.Default.ConversationReference));
            command.Parameters.AddWithValue("$context", JsonSerializer.Serialize(handoffCase.Context, HandoffJson.Options));
            command.Parameters.AddWithValue("$hubData", JsonSerializer.Serialize(handoffCase.HubData, HandoffJson.Options));
            command.Parameters.AddWithValue("$note", (object?)handoffCase.Note ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", handoffCase.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$updated", handoffCase.UpdatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$accepted", (object?)handoffCase.AcceptedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
        return Task.FromResult(handoffCase with { Id = IdOf(created) });
    }

    public Task<HandoffCase?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(TryParseId(id, out var number) ? Read(c => GetCase(c, null, number)) : null);

    public Task<HandoffCase?> FindByConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(connection =>
        {
            using var command = Command(connection, null, $"SELECT {CaseColumns} FROM handoff_cases WHERE channel_id = $channel AND conversation_id = $conversation ORDER BY id DESC LIMIT 1;");
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$conversation", conversationId);
            return ReadCases(command).FirstOrDefault();
        }));

    public Task<IReadOnlyList<HandoffCase>> ListAsync(HandoffStatus? status = null, int limit = 500, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read<IReadOnlyList<HandoffCase>>(connection =>
        {
            using var command = Command(connection, null, status is null
                ? $"SELECT {CaseColumns} FROM handoff_cases ORDER BY id LIMIT $limit;"
                : $"SELECT {CaseColumns} FROM handoff_cases WHERE status = $status ORDER BY id LIMIT $limit;");
            if (status is { } s)
            {
                command.Parameters.AddWithValue("$status", HandoffJson.Name(s));
            }

            command.Parameters.AddWithValue("$limit", limit);
            return ReadCases(command);
        }));

    public Task<IReadOnlyList<HandoffCase>> ListWaitingSinceBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read<IReadOnlyList<HandoffCase>>(connection =>
        {
            using var command = Command(connection, null, $"SELECT {CaseColumns} FROM handoff_cases WHERE status = 'waiting' AND created_at <= $before ORDER BY id;");
            command.Parameters.AddWithValue("$before", createdBefore.ToUnixTimeMilliseconds());
            return ReadCases(command);
        }));

    public Task<(int Position, int Length)> QueuePositionAsync(string id, CancellationToken cancellationToken = default)
    {
        TryParseId(id, out var number);
        return Task.FromResult(Read(connection =>
        {
            using var command = Command(connection, null, """
                SELECT (SELECT COUNT(*) FROM handoff_cases WHERE status = 'waiting' AND id <= $id AND EXISTS (SELECT 1 FROM handoff_cases WHERE id = $id AND status = 'waiting')),
                       (SELECT COUNT(*) FROM handoff_cases WHERE status = 'waiting');
                """);
            command.Parameters.AddWithValue("$id", number);
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt32(0), reader.GetInt32(1));
        }));
    }

    public Task<AcceptResult> TryAcceptAsync(string id, AgentRef agent, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!TryParseId(id, out var number))
        {
            return Task.FromResult(new AcceptResult(AcceptOutcome.NotFound, null));
        }

        return Task.FromResult(Write((connection, transaction) =>
        {
            // The one place two agents race: only the UPDATE that still finds the case waiting wins.
            using var update = Command(connection, transaction, """
                UPDATE handoff_cases SET status = 'withAgent', agent_id = $agentId, agent_name = $agentName, agent_hub = $agentHub, updated_at = $now, accepted_at = $now
                WHERE id = $id AND status = 'waiting';
                """);
            update.Parameters.AddWithValue("$id", number);
            update.Parameters.AddWithValue("$agentId", agent.Id);
            update.Parameters.AddWithValue("$agentName", agent.Name);
            update.Parameters.AddWithValue("$agentHub", agent.Hub);
            update.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            var won = update.ExecuteNonQuery() == 1;
            var current = GetCase(connection, transaction, number);
            return current switch
            {
                null => new AcceptResult(AcceptOutcome.NotFound, null),
                _ when won => new AcceptResult(AcceptOutcome.Accepted, current),
                { Status: HandoffStatus.WithAgent, Agent: { } holder } => new AcceptResult(AcceptOutcome.AlreadyTaken, current, holder),
                _ => new AcceptResult(AcceptOutcome.NotWaiting, current),
            };
        }));
    }

    public Task<HandoffCase?> TryTransitionAsync(string id, IReadOnlyCollection<HandoffStatus> from, HandoffStatus to, string? agentId, string? note, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (!TryParseId(id, out var number) || from.Count == 0)
        {
            return Task.FromResult<HandoffCase?>(null);
        }

        return Task.FromResult(Write((connection, transaction) =>
        {
            var statuses = string.Join(", ", from.Select((_, i) => $"$from{i}"));
            using var update = Command(connection, transaction, $"""
                UPDATE handoff_cases SET status = $to, updated_at = $now, note = COALESCE($note, note)
                WHERE id = $id AND status IN ({statuses}) AND ($agentId IS NULL OR status <> 'withAgent' OR agent_id = $agentId);
                """);
            update.Parameters.AddWithValue("$id", number);
            update.Parameters.AddWithValue("$to", HandoffJson.Name(to));
            update.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
            update.Parameters.AddWithValue("$agentId", (object?)agentId ?? DBNull.Value);
            var i = 0;
            foreach (var status in from)
            {
                update.Parameters.AddWithValue($"$from{i++}", HandoffJson.Name(status));
            }

            return update.ExecuteNonQuery() == 1 ? GetCase(connection, transaction, number) : null;
        }));
    }

    public Task<bool> SetHubDataAsync(string id, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParseId(id, out var number))
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(Write((connection, transaction) =>
        {
            using var update = Command(connection, transaction, "UPDATE handoff_cases SET hub_data = json_set(hub_data, $path, $value) WHERE id = $id;");
            update.Parameters.AddWithValue("$id", number);
            update.Parameters.AddWithValue("$path", "$." + JsonSerializer.Serialize(key));
            update.Parameters.AddWithValue("$value", value);
            return update.ExecuteNonQuery() == 1;
        }));
    }

    public Task EnqueueAsync(string caseId, IReadOnlyCollection<string> hubs, string kind, string dedupeKey, string payload, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hubs);
        if (!TryParseId(caseId, out var number) || hubs.Count == 0)
        {
            return Task.CompletedTask;
        }

        Write((connection, transaction) =>
        {
            using var insert = Command(connection, transaction, """
                INSERT OR IGNORE INTO handoff_notifications (case_id, hub, kind, dedupe, payload, attempts, next_at, created_at)
                VALUES ($case, $hub, $kind, $dedupe, $payload, 0, $now, $now);
                """);
            var hub = insert.Parameters.Add("$hub", SqliteType.Text);
            insert.Parameters.AddWithValue("$case", number);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$dedupe", dedupeKey);
            insert.Parameters.AddWithValue("$payload", payload);
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            foreach (var name in hubs)
            {
                hub.Value = name;
                insert.ExecuteNonQuery();
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HandoffNotification>> ReadDueAsync(string? caseId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        long? number = null;
        if (caseId is not null)
        {
            if (!TryParseId(caseId, out var n))
            {
                return Task.FromResult<IReadOnlyList<HandoffNotification>>([]);
            }

            number = n;
        }

        return Task.FromResult(Read<IReadOnlyList<HandoffNotification>>(connection =>
        {
            // A hub's notifications for a case go in order: a later one waits while an earlier one is backing off.
            using var command = Command(connection, null, """
                SELECT n.seq, n.case_id, n.hub, n.kind, n.payload, n.attempts FROM handoff_notifications n
                WHERE n.sent_at IS NULL AND ($case IS NULL OR n.case_id = $case)
                  AND NOT EXISTS (SELECT 1 FROM handoff_notifications e
                                  WHERE e.case_id = n.case_id AND e.hub = n.hub AND e.sent_at IS NULL AND e.seq < n.seq AND e.next_at > $now)
                  AND n.next_at <= $now
                ORDER BY n.seq LIMIT $limit;
                """);
            command.Parameters.AddWithValue("$case", (object?)number ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var list = new List<HandoffNotification>();
            while (reader.Read())
            {
                list.Add(new HandoffNotification(reader.GetInt64(0), IdOf(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
            }

            return list;
        }));
    }

    public Task MarkSentAsync(long sequence, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Write((connection, transaction) =>
        {
            using var update = Command(connection, transaction, "UPDATE handoff_notifications SET sent_at = $now, payload = '' WHERE seq = $seq;");
            update.Parameters.AddWithValue("$seq", sequence);
            update.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return update.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task RescheduleAsync(long sequence, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        Write((connection, transaction) =>
        {
            using var update = Command(connection, transaction, "UPDATE handoff_notifications SET attempts = $attempts, next_at = $next WHERE seq = $seq;");
            update.Parameters.AddWithValue("$seq", sequence);
            update.Parameters.AddWithValue("$attempts", attempts);
            update.Parameters.AddWithValue("$next", nextAttemptAt.ToUnixTimeMilliseconds());
            return update.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>"H-1001" for row 1001.</summary>
    internal static string IdOf(long number) => "H-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads "H-1001", "h-1001" or "1001".</summary>
    internal static bool TryParseId(string? id, out long number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var text = id.Trim();
        if (text.StartsWith("H-", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    private static HandoffCase? GetCase(SqliteConnection connection, SqliteTransaction? transaction, long number)
    {
        using var command = Command(connection, transaction, $"SELECT {CaseColumns} FROM handoff_cases WHERE id = $id;");
        command.Parameters.AddWithValue("$id", number);
        return ReadCases(command).FirstOrDefault();
    }

    private static List<HandoffCase> ReadCases(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var cases = new List<HandoffCase>();
        while (reader.Read())
        {
            var agent = reader.IsDBNull(2) ? null : new AgentRef(reader.GetString(2), reader.GetString(3), reader.GetString(4));
            cases.Add(new HandoffCase
            {
                Id = IdOf(reader.GetInt64(0)),
                Status = HandoffJson.Parse(reader.GetString(1)),
                Agent = agent,
                Reason = JsonSerializer.Deserialize<HandoffReason>(reader.GetString(5), HandoffJson.Options)!,
                Reference = JsonSerializer.Deserialize(reader.GetString(6), CoreJsonContext.Default.ConversationReference)!,
                Context = JsonSerializer.Deserialize<HandoffContext>(reader.GetString(7), HandoffJson.Options)!,
                HubData = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8), HandoffJson.Options) ?? [],
                Note = reader.IsDBNull(9) ? null : reader.GetString(9),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
                AcceptedAt = reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
            });
        }

        return cases;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private T Read<T>(Func<SqliteConnection, T> work) => _connection.Read(work);

    private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) => _connection.Write(work);
}
