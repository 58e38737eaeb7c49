using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode holding state items, the processed-activity
/// marks, transcripts and the outbox, so a turn commits all of them in one transaction. One connection
/// serves the process (SQLite writes one transaction at a time anyway) with its statements prepared once;
/// other processes on the same file are kept apart by ETags and SQLite's own locking.
/// </summary>
public sealed partial class SqliteStorage : IStorage, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _disposed;

    private SqliteStorage(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates) the database and brings its schema up to date.</summary>
    public static SqliteStorage Open(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FilePath);
        var fullPath = Path.GetFullPath(options.FilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        }.ToString());
        connection.Open();
        try
        {
            using (var pragma = connection.CreateCommand())
            {
                var synchronous = options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
                pragma.CommandText =
                    $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={(int)options.BusyTimeout.TotalMilliseconds};";
                pragma.ExecuteNonQuery();
            }

            SqliteMigrations.Apply(connection);
            return new SqliteStorage(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_gate)
            {
                return SqliteMigrations.CurrentVersion(_connection);
            }
        }
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        lock (_gate)
        {
            var command = Command(null, "SELECT value, etag FROM items WHERE key = $key;", "$key");
            foreach (var key in keys)
            {
                command.Parameters[0].Value = key;
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    using var document = JsonDocument.Parse(reader.GetString(0));
                    result[key] = new StoreItem(document.RootElement.Clone(), reader.GetString(1));
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var etags = WriteItems(transaction, changes);
            transaction.Commit();
            return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var command = Command(transaction, "DELETE FROM items WHERE key = $key;", "$key");
            foreach (var key in keys)
            {
                command.Parameters[0].Value = key;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }

    /// <summary>
    /// Writes items under the ETag rule of <see cref="IStorage"/>, each with one statement whose row count
    /// says whether the rule held; the caller's transaction rolls everything back on a conflict.
    /// </summary>
    private Dictionary<string, string> WriteItems(SqliteTransaction transaction, IReadOnlyDictionary<string, StoreItem> changes)
    {
        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, item) in changes)
        {
            var etag = ETagCheck.NewETag();
            var value = item.Value.GetRawText();
            SqliteCommand command = item.ETag switch
            {
                StoreItem.AnyETag => Command(
                    transaction,
                    "INSERT INTO items (key, value, etag) VALUES ($key, $value, $etag) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag;",
                    "$key", "$value", "$etag"),
                null => Command(
                    transaction,
                    "INSERT INTO items (key, value, etag) VALUES ($key, $value, $etag) ON CONFLICT (key) DO NOTHING;",
                    "$key", "$value", "$etag"),
                _ => Command(
                    transaction,
                    "UPDATE items SET value = $value, etag = $etag WHERE key = $key AND etag = $expected;",
                    "$key", "$value", "$etag", "$expected"),
            };
            command.Parameters[0].Value = key;
            command.Parameters[1].Value = value;
            command.Parameters[2].Value = etag;
            if (command.Parameters.Count > 3)
            {
                command.Parameters[3].Value = item.ETag;
            }

            if (command.ExecuteNonQuery() != 1)
            {
                throw new StorageConflictException(key);
            }

            etags[key] = etag;
        }

        return etags;
    }

    /// <summary>A prepared statement for <paramref name="sql"/>, made once and reused.</summary>
    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params ReadOnlySpan<string> parameterNames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }
}
