using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// The database schema as numbered steps. A database records the highest step applied; on open, the
/// missing steps run in order, each in its own transaction. Never edit a step that has shipped: add one.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly (int Version, string Sql)[] Steps =
    [
        (1, """
            CREATE TABLE items (
                key   TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL,
                etag  TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE processed_activities (
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                activity_id     TEXT NOT NULL,
                PRIMARY KEY (channel_id, conversation_id, activity_id)
            ) WITHOUT ROWID;

            CREATE TABLE transcript (
                seq             INTEGER PRIMARY KEY,
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                activity        TEXT NOT NULL
            );
            CREATE INDEX ix_transcript_conversation ON transcript (channel_id, conversation_id, seq);

            CREATE TABLE outbox (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                operation       INTEGER NOT NULL,
                activity        TEXT NOT NULL
            );
            CREATE INDEX ix_outbox_conversation ON outbox (channel_id, conversation_id, seq);
            """),
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Steps[^1].Version;

    /// <summary>Applies the missing steps; refuses a database written by a newer build.</summary>
    public static void Apply(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
        var current = CurrentVersion(connection);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({LatestVersion}). Upgrade SupportBot.");
        }

        foreach (var (version, sql) in Steps)
        {
            if (version <= current)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                command.ExecuteNonQuery();
                command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, datetime('now'));";
                command.Parameters.AddWithValue("$version", version);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
