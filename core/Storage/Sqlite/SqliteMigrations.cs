using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// The database schema as numbered steps. A database records the highest step applied; on open, the
/// missing steps run in order, each in its own immediate transaction. Never edit a step that has shipped: add one.
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

        // Version 1 kept items WITHOUT ROWID. Such a table is one b-tree whose inner pages hold whole rows, and a
        // state row (about 0.6-1 KB) fits only four or so to a 4 KB page: 700,000 conversations made it eight
        // levels deep, so each lookup read eight pages and inserts split pages all the way up. Here the rows go
        // into a rowid table (appended at its end) and the keys into their own narrow index.
        (2, """
            CREATE TABLE items_v2 (
                id    INTEGER PRIMARY KEY,
                key   TEXT NOT NULL,
                value TEXT NOT NULL,
                etag  TEXT NOT NULL
            );
            INSERT INTO items_v2 (key, value, etag) SELECT key, value, etag FROM items ORDER BY key;
            DROP TABLE items;
            ALTER TABLE items_v2 RENAME TO items;
            CREATE UNIQUE INDEX ix_items_key ON items (key);
            """),
    ];

    private static readonly SqliteSchemaSteps Schema = new("storage", "schema_version", Steps);

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Schema.LatestVersion;

    /// <summary>Applies the missing steps; refuses a database written by a newer build (<see cref="SqliteSchemaSteps.Apply"/>).</summary>
    public static void Apply(SqliteConnection connection, int? through = null) => Schema.Apply(connection, through);

    public static int CurrentVersion(SqliteConnection connection) => Schema.CurrentVersion(connection);
}
