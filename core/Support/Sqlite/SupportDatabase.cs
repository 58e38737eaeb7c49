using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>
/// The one connection the embedded services share, used under a lock. One connection keeps a shared-cache
/// in-memory database alive and avoids SQLite's table locks between connections of one process; other
/// processes (and the bot-state store on the same file) are kept apart by WAL and the busy timeout.
/// </summary>
internal sealed class SupportDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public SupportDatabase(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        Time = time;
    }

    public TimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Runs <paramref name="work"/> on the connection without a transaction (single reads).</summary>
    public T Read<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    /// <summary>Runs <paramref name="work"/> in an immediate transaction, committed when it returns.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = work(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
