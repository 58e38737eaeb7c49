using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// A numbered list of schema steps for one part of the database (the storage, support and handoff tables),
/// with its own version table, so each part upgrades on its own in the shared SQLite file.
/// </summary>
internal sealed class SqliteSchemaSteps
{
    private readonly string _part;
    private readonly string _versionTable;
    private readonly (int Version, string Sql)[] _steps;

    /// <param name="part">What the steps build, for errors ("storage", "support", "handoff").</param>
    /// <param name="versionTable">The table recording the applied versions (a name from code, never from input).</param>
    /// <param name="steps">The steps in ascending version order.</param>
    public SqliteSchemaSteps(string part, string versionTable, (int Version, string Sql)[] steps)
    {
        ArgumentOutOfRangeException.ThrowIfZero(steps.Length);
        (_part, _versionTable, _steps) = (part, versionTable, steps);
    }

    /// <summary>The newest version this build knows.</summary>
    public int LatestVersion => _steps[^1].Version;

    /// <summary>
    /// Applies the missing steps, each in an immediate transaction that re-reads the version under the
    /// write lock, so two processes opening the same file at once apply each step once. A database newer
    /// than this build is refused.
    /// </summary>
    /// <param name="connection">An open connection to the file.</param>
    /// <param name="through">The last version to apply (all when null): for tests that build an older database.</param>
    public void Apply(SqliteConnection connection, int? through = null)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE IF NOT EXISTS {_versionTable} (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        foreach (var (version, sql) in _steps)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(connection, transaction);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The {_part} tables are at schema version {current}, newer than this build knows ({LatestVersion}). Upgrade SupportBot.");
            }

            if (version <= current || version > (through ?? LatestVersion))
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
            command.CommandText = $"INSERT INTO {_versionTable} (version, applied_at) VALUES ($version, unixepoch());";
            command.Parameters.AddWithValue("$version", version);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>The version the database is at (0 before the first step).</summary>
    public int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {_versionTable};";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
