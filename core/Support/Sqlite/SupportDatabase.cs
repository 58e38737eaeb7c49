using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>
/// The one connection the embedded services share, used under a lock. One connection keeps a shared-cache
/// in-memory database alive and avoids SQLite's table locks between connections of one process; other
/// processes (and the bot-state store on the same file) are kept apart by WAL and the busy timeout.
/// </summary>
internal sealed class SupportDatabase(SqliteConnection connection, TimeProvider time) : IDisposable
{
    private readonly SqliteGuardedConnection _connection = new(connection);

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Runs <paramref name="work"/> on the connection without a transaction (single reads).</summary>
    public T Read<T>(Func<SqliteConnection, T> work) => _connection.Read(work);

    /// <summary>Runs <paramref name="work"/> in an immediate transaction and commits it.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) => _connection.Write(work);

    public void Dispose() => _connection.Dispose();
}
