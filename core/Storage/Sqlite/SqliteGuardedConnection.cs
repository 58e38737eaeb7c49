using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// One connection used by one caller at a time: reads as they are, writes each in an immediate transaction
/// (the write lock is taken up front, so a write never fails halfway on a busy file).
/// </summary>
internal sealed class SqliteGuardedConnection(SqliteConnection connection) : IDisposable
{
    private readonly Lock _gate = new();

    public T Read<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            return work(connection);
        }
    }

    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            connection.Dispose();
        }
    }
}
