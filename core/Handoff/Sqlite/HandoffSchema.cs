using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Handoff.Sqlite;

/// <summary>
/// The handoff tables as numbered steps, versioned apart from the bot-state and support schemas in the same
/// file (they evolve on their own). Never edit a shipped step: add one.
/// </summary>
internal static class HandoffSchema
{
    private static readonly (int Version, string Sql)[] Steps =
    [
        (1, """
            CREATE TABLE handoff_cases (
                id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                status          TEXT NOT NULL,
                agent_id        TEXT,
                agent_name      TEXT,
                agent_hub       TEXT,
                reason          TEXT NOT NULL,
                reference       TEXT NOT NULL,
                context         TEXT NOT NULL,
                hub_data        TEXT NOT NULL,
                note            TEXT,
                created_at      INTEGER NOT NULL,
                updated_at      INTEGER NOT NULL,
                accepted_at     INTEGER
            );
            CREATE INDEX ix_handoff_cases_conversation ON handoff_cases (channel_id, conversation_id, id);
            CREATE INDEX ix_handoff_cases_status ON handoff_cases (status, created_at);
            -- Case ids start at H-1001.
            INSERT INTO sqlite_sequence (name, seq) VALUES ('handoff_cases', 1000);

            CREATE TABLE handoff_notifications (
                seq        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                case_id    INTEGER NOT NULL,
                hub        TEXT NOT NULL,
                kind       TEXT NOT NULL,
                dedupe     TEXT NOT NULL,
                payload    TEXT NOT NULL,
                attempts   INTEGER NOT NULL DEFAULT 0,
                next_at    INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                sent_at    INTEGER,
                UNIQUE (case_id, hub, dedupe)
            );
            CREATE INDEX ix_handoff_notifications_due ON handoff_notifications (sent_at, next_at);
            """),
    ];

    /// <summary>The newest handoff schema version this build knows.</summary>
    public static int LatestVersion => Steps[^1].Version;

    /// <summary>Applies the missing steps, each in an immediate transaction that re-reads the version under the write lock.</summary>
    public static void Apply(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS handoff_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        foreach (var (version, sql) in Steps)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(connection, transaction);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The handoff tables are at schema version {current}, newer than this build knows ({LatestVersion}). Upgrade SupportBot.");
            }

            if (version <= current)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO handoff_schema_version (version, applied_at) VALUES ($version, unixepoch());";
            command.Parameters.AddWithValue("$version", version);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM handoff_schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
