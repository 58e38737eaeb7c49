using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage.Sqlite;

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

    private static readonly SqliteSchemaSteps Schema = new("handoff", "handoff_schema_version", Steps);

    /// <summary>The newest handoff schema version this build knows.</summary>
    public static int LatestVersion => Schema.LatestVersion;

    /// <summary>Applies the missing steps (<see cref="SqliteSchemaSteps.Apply"/>).</summary>
    public static void Apply(SqliteConnection connection) => Schema.Apply(connection);

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Schema.CurrentVersion(connection, transaction);
}
