using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// A few read connections: WAL lets them read beside each other and beside the writer, so concurrent
/// turns do not queue behind one connection. A read takes a free connection, or waits for one in turn
/// when all are busy.
/// </summary>
internal sealed class SqliteReaders : IDisposable
{
    private readonly SqliteSession[] _sessions;
    private int _next;

    public SqliteReaders(IReadOnlyList<SqliteConnection> connections)
    {
        ArgumentOutOfRangeException.ThrowIfZero(connections.Count);
        _sessions = connections.Select(connection => new SqliteSession(connection)).ToArray();
    }

    /// <summary>How many read connections suit this machine.</summary>
    public static int DefaultCount => Math.Clamp(Environment.ProcessorCount, 2, 8);

    /// <summary>A connection for one read, held until the lease is disposed.</summary>
    public Lease Rent()
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)_sessions.Length);
        for (var i = 0; i < _sessions.Length; i++)
        {
            var session = _sessions[(start + i) % _sessions.Length];
            if (session.Gate.TryEnter())
            {
                return new Lease(session);
            }
        }

        var next = _sessions[start];
        next.Gate.Enter();
        return new Lease(next);
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    /// <summary>One read connection on loan.</summary>
    public readonly struct Lease(SqliteSession session) : IDisposable
    {
        public SqliteSession Session { get; } = session;

        public void Dispose() => Session.Gate.Exit();
    }
}
