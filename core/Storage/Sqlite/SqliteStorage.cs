using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode holding state items, the processed-activity
/// marks, transcripts and the outbox, so a turn commits all of them in one transaction. Reads run on a few
/// connections (<see cref="SqliteReaders"/>; WAL lets them proceed beside a write), writes on one through
/// <see cref="SqliteGroupWriter"/>. Other processes on the same file are kept apart by ETags and
/// SQLite's own locking.
/// </summary>
public sealed partial class SqliteStorage : IStorage, IDisposable
{
    private readonly SqliteReaders _readers;
    private readonly SqliteSession _writerSession;
    private readonly SqliteGroupWriter _writer;
    private readonly SqliteCheckpointer _checkpointer;

    private SqliteStorage(string connectionString, IReadOnlyList<SqliteConnection> readers, SqliteConnection writer, SqliteConnection checkpointer)
    {
        ConnectionString = connectionString;
        _readers = new SqliteReaders(readers);
        _writerSession = new SqliteSession(writer);
        _checkpointer = new SqliteCheckpointer(checkpointer, _writerSession.Gate);
        _writer = new SqliteGroupWriter(_writerSession, _checkpointer.Committed);
    }

    /// <summary>Opens (or creates) the database and brings its schema up to date.</summary>
    public static SqliteStorage Open(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FilePath);
        var file = SqliteFile.ConnectionString(options.FilePath, options.SharedWithOtherProcesses);
        var writer = OpenWriter(file, options);
        SqliteConnection? checkpointer = null;
        var readers = new List<SqliteConnection>();
        try
        {
            SqliteMigrations.Apply(writer);

            // The checkpointer copies the log back (SqliteCheckpointer); the writer does not stop to do it.
            using (var pragma = writer.CreateCommand())
            {
                pragma.CommandText = "PRAGMA wal_autocheckpoint=0;";
                pragma.ExecuteNonQuery();
            }

            checkpointer = OpenConnection(file, options);
            for (var i = 0; i < SqliteReaders.DefaultCount; i++)
            {
                readers.Add(OpenConnection(file, options));
            }

            return new SqliteStorage(file, readers, writer, checkpointer);
        }
        catch
        {
            readers.ForEach(reader => reader.Dispose());
            checkpointer?.Dispose();
            writer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How this storage opened its file (<see cref="SqliteFile"/>): the other users of the file (support services,
    /// handoff store) open it the same way.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The one that copies the log back into the database file.</summary>
    internal SqliteCheckpointer Checkpointer => _checkpointer;

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion
    {
        get
        {
            using (var read = _readers.Rent())
            {
                return SqliteMigrations.CurrentVersion(read.Session.Connection);
            }
        }
    }

    /// <summary>
    /// Writes a consistent copy of the whole database file (storage, support and handoff tables) to
    /// <paramref name="path"/> while the bot runs: SQLite's <c>VACUUM INTO</c> on a read connection, so writes go
    /// on beside it. The copy is written under a temporary name and renamed when complete, so a file at
    /// <paramref name="path"/> is always a whole backup. An existing file there is not replaced.
    /// </summary>
    public void BackUp(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            throw new IOException($"The backup {fullPath} already exists.");
        }

        var partial = fullPath + ".partial";
        File.Delete(partial);
        try
        {
            using (var read = _readers.Rent())
            {
                read.Session.Statement("VACUUM INTO ?1;").Bind(1, partial).Execute();
            }

            File.Move(partial, fullPath);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        using (var read = _readers.Rent())
        {
            var select = read.Session.Statement("SELECT value, etag FROM items WHERE key = ?1;");
            foreach (var key in keys)
            {
                if (select.Bind(1, key).QueryFirst(ReadItem, null) is { } item)
                {
                    result[key] = item;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    private static StoreItem? ReadItem(SqliteStatement row)
    {
        var reader = new Utf8JsonReader(row.Utf8(0));
        return new StoreItem(JsonElement.ParseValue(ref reader), row.Text(1));
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return WriteAsyncCore(changes);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _writer.RunAsync((session, transaction) =>
        {
            var command = session.Command(transaction, "DELETE FROM items WHERE key = $key;", "$key");
            foreach (var key in keys)
            {
                command.Parameters[0].Value = key;
                command.ExecuteNonQuery();
            }

            return true;
        });
    }

    public void Dispose()
    {
        _writer.Dispose();
        _checkpointer.Dispose();
        _readers.Dispose();
        _writerSession.Dispose();
    }

    private async Task<IReadOnlyDictionary<string, string>> WriteAsyncCore(IReadOnlyDictionary<string, StoreItem> changes) =>
        await _writer.RunAsync((session, _) => WriteItems(session, changes)).ConfigureAwait(false);

    /// <summary>The first connection: where another process holding the file shows, so it gets a clear error.</summary>
    private static SqliteConnection OpenWriter(string file, SqliteStorageOptions options)
    {
        try
        {
            return OpenConnection(file, options);
        }
        catch (SqliteException ex) when (SqliteFile.IsLockedByAnotherProcess(ex))
        {
            throw new InvalidOperationException(
                $"The database {Path.GetFullPath(options.FilePath)} is in use by another process (another bot on the same data folder, the sqlite3 shell, a backup). " +
                "Stop that process, or let both share the file: Storage:Sqlite:SharedWithOtherProcesses=true.", ex);
        }
    }

    private static SqliteConnection OpenConnection(string file, SqliteStorageOptions options)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(file)
        {
            Pooling = false,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        }.ToString());
        connection.Open();
        try
        {
            using var pragma = connection.CreateCommand();
            var synchronous = options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";

            // temp_store=MEMORY: SQLite keeps a statement's undo pages inside a larger transaction (and temporary
            // tables) in temporary files unless told otherwise; when the writer still used savepoints this saved
            // ten file writes per turn.
            pragma.CommandText =
                $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA temp_store=MEMORY;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes items under the ETag rule of <see cref="IStorage"/>, binding the JSON as the UTF-8 it already is.
    /// Every item is checked before any is written, so a write refused with <see cref="StorageConflictException"/>
    /// has changed nothing (see <see cref="SqliteGroupWriter"/>). Each statement still carries its rule; one that
    /// changes no row means the check and the write disagree, and fails the whole batch rather than being taken
    /// for a conflict.
    /// </summary>
    private static Dictionary<string, string> WriteItems(SqliteSession session, IReadOnlyDictionary<string, StoreItem> changes)
    {
        foreach (var (key, item) in changes)
        {
            if (item.ETag == StoreItem.AnyETag)
            {
                continue;
            }

            var current = session.Statement("SELECT etag FROM items WHERE key = ?1;").Bind(1, key).QueryFirst(row => row.Text(0), null);
            if (!ETagCheck.Allows(item.ETag, current))
            {
                throw new StorageConflictException(key);
            }
        }

        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, item) in changes)
        {
            var json = item.Utf8;
            var expected = item.ETag;
            var etag = ETagCheck.NewETag();
            var changed = expected switch
            {
                StoreItem.AnyETag => session.Statement(
                    "INSERT INTO items (key, value, etag) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag;")
                    .Bind(1, key).BindUtf8(2, json).Bind(3, etag).Execute(),
                null => session.Statement(
                    "INSERT INTO items (key, value, etag) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO NOTHING;")
                    .Bind(1, key).BindUtf8(2, json).Bind(3, etag).Execute(),
                _ => session.Statement(
                    "UPDATE items SET value = ?2, etag = ?3 WHERE key = ?1 AND etag = ?4;")
                    .Bind(1, key).BindUtf8(2, json).Bind(3, etag).Bind(4, expected).Execute(),
            };
            if (changed != 1)
            {
                throw new InvalidOperationException($"The checked write of '{key}' changed no row.");
            }

            etags[key] = etag;
        }

        return etags;
    }
}
