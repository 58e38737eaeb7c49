using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>
/// The support tables as numbered steps, versioned apart from the bot-state schema
/// (<c>Storage/Sqlite/SqliteMigrations</c>) in the same file: they belong to a pluggable backend, exist
/// only where the embedded services run, and evolve on their own. Never edit a shipped step: add one.
/// </summary>
internal static class SupportSchema
{
    private static readonly (int Version, string Sql)[] Steps =
    [
        (1, """
            CREATE TABLE support_customers (
                id              TEXT NOT NULL PRIMARY KEY,
                name            TEXT NOT NULL,
                email           TEXT,
                last_outcome    TEXT,
                last_outcome_at INTEGER
            );
            CREATE INDEX ix_support_customers_email ON support_customers (email);

            CREATE TABLE support_identities (
                channel     TEXT NOT NULL,
                identity    TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                linked_at   INTEGER NOT NULL,
                PRIMARY KEY (channel, identity)
            ) WITHOUT ROWID;
            CREATE INDEX ix_support_identities_customer ON support_identities (customer_id);

            CREATE TABLE support_stores (
                id      TEXT NOT NULL PRIMARY KEY,
                name    TEXT NOT NULL,
                city    TEXT NOT NULL,
                address TEXT NOT NULL,
                hours   TEXT NOT NULL
            );

            CREATE TABLE support_products (
                sku   TEXT NOT NULL PRIMARY KEY,
                name  TEXT NOT NULL,
                price INTEGER NOT NULL
            );

            CREATE TABLE support_stock (
                store_id      TEXT NOT NULL,
                sku           TEXT NOT NULL,
                quantity      INTEGER NOT NULL,
                on_display    INTEGER NOT NULL,
                next_delivery INTEGER,
                PRIMARY KEY (store_id, sku)
            ) WITHOUT ROWID;

            CREATE TABLE support_orders (
                number             TEXT NOT NULL PRIMARY KEY,
                customer_id        TEXT NOT NULL,
                state              TEXT NOT NULL,
                placed_at          INTEGER NOT NULL,
                shipped_at         INTEGER,
                estimated_delivery INTEGER,
                delivered_at       INTEGER,
                carrier            TEXT,
                tracking_number    TEXT,
                total              INTEGER NOT NULL,
                currency           TEXT NOT NULL
            );
            CREATE INDEX ix_support_orders_customer ON support_orders (customer_id, placed_at);

            CREATE TABLE support_order_lines (
                order_number TEXT NOT NULL,
                line_no      INTEGER NOT NULL,
                sku          TEXT NOT NULL,
                name         TEXT NOT NULL,
                quantity     INTEGER NOT NULL,
                unit_price   INTEGER NOT NULL,
                PRIMARY KEY (order_number, line_no)
            ) WITHOUT ROWID;

            CREATE TABLE support_tickets (
                id           INTEGER NOT NULL PRIMARY KEY,
                customer_id  TEXT,
                order_number TEXT,
                category     TEXT NOT NULL,
                summary      TEXT NOT NULL,
                channel      TEXT,
                status       TEXT NOT NULL,
                created_at   INTEGER NOT NULL,
                due_at       INTEGER NOT NULL,
                resolved_at  INTEGER,
                resolution   TEXT
            );
            CREATE INDEX ix_support_tickets_customer ON support_tickets (customer_id, status);
            CREATE INDEX ix_support_tickets_resolved ON support_tickets (resolved_at);

            CREATE TABLE support_refunds (
                id           INTEGER NOT NULL PRIMARY KEY,
                order_number TEXT NOT NULL,
                customer_id  TEXT,
                amount       INTEGER NOT NULL,
                reason       TEXT NOT NULL,
                requested_at INTEGER NOT NULL
            );
            CREATE INDEX ix_support_refunds_order ON support_refunds (order_number);

            CREATE TABLE support_codes (
                channel     TEXT NOT NULL,
                identity    TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                address     TEXT NOT NULL,
                salt        BLOB NOT NULL,
                code_hash   BLOB NOT NULL,
                expires_at  INTEGER NOT NULL,
                attempts    INTEGER NOT NULL,
                used_at     INTEGER,
                PRIMARY KEY (channel, identity)
            ) WITHOUT ROWID;

            CREATE TABLE support_verifications (
                channel     TEXT NOT NULL,
                identity    TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                verified_at INTEGER NOT NULL,
                PRIMARY KEY (channel, identity, customer_id)
            ) WITHOUT ROWID;

            CREATE TABLE support_seed (
                name       TEXT NOT NULL PRIMARY KEY,
                applied_at INTEGER NOT NULL
            );
            """),
    ];

    private static readonly SqliteSchemaSteps Schema = new("support", "support_schema_version", Steps);

    /// <summary>The newest support schema version this build knows.</summary>
    public static int LatestVersion => Schema.LatestVersion;

    /// <summary>Applies the missing steps (<see cref="SqliteSchemaSteps.Apply"/>).</summary>
    public static void Apply(SqliteConnection connection) => Schema.Apply(connection);

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Schema.CurrentVersion(connection, transaction);
}
