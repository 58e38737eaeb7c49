using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection and thread. SQLite's
/// automatic checkpoint would run inside a commit every thousand pages — on the one writer, with a file flush —
/// and every turn queued behind that commit would wait for it. A passive checkpoint runs beside the writer.
/// The writer asks for one every <see cref="BatchesPerCheckpoint"/> commits.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>About a thousand log pages at a few pages per turn and several turns per commit.</summary>
    public const int BatchesPerCheckpoint = 64;

    /// <summary>How often the restart looks again for readers still in the old log before it gives up for this round.</summary>
    private const int RestartTries = 200;

    private readonly SqliteConnection _connection;
    private readonly Lock _writerGate;
    private readonly SemaphoreSlim _wanted = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _batches;
    private int _disposed;
    private int _checkpoints;
    private int _restarts;

    /// <param name="connection">The checkpointer's own connection.</param>
    /// <param name="writerGate">
    /// The lock the group writer holds while it writes. The restart checkpoint takes it, so the writer waits on
    /// it and goes on the moment the restart is done. Without it the writer would meet SQLite's busy handler,
    /// which sleeps 1, then 2, then 5 ms: about 3 ms for a restart of about 2, with every queued turn behind it.
    /// </param>
    public SqliteCheckpointer(SqliteConnection connection, Lock writerGate)
    {
        _connection = connection;
        _writerGate = writerGate;

        // This connection never sleeps in SQLite's busy handler; the restart below polls instead.
        raw.sqlite3_busy_timeout(connection.Handle, 0);
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How many checkpoints have run.</summary>
    public int Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>How many of them started the log over from the beginning.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Called by the writer after each commit.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _batches) % BatchesPerCheckpoint == 0)
        {
            Request();
        }
    }

    /// <summary>Asks for a checkpoint soon (one already asked for covers this request too).</summary>
    public void Request()
    {
        if (_wanted.CurrentCount == 0)
        {
            try
            {
                _wanted.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already asked for.
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        _connection.Dispose();
        _wanted.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            try
            {
                _wanted.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // First copy beside the writer; then a restart checkpoint, which holds the writer back only while it
            // copies what arrived meanwhile, so the log starts over from the beginning instead of growing. A failed
            // checkpoint is simply tried again at the next request: the log keeps every commit meanwhile.
            raw.sqlite3_wal_checkpoint_v2(_connection.Handle, null, raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
            if (Restart())
            {
                Interlocked.Increment(ref _restarts);
            }

            Interlocked.Increment(ref _checkpoints);
        }
    }

    /// <summary>
    /// The restart checkpoint, with the writer held at its lock. It cannot start the log over while a reader
    /// still reads from it; reads take microseconds, so it yields and looks again rather than sleeping. If a
    /// reader outlasts the tries (a long export, another process), the next round tries again.
    /// </summary>
    private bool Restart()
    {
        lock (_writerGate)
        {
            for (var tries = 0; tries < RestartTries; tries++)
            {
                var result = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, null, raw.SQLITE_CHECKPOINT_RESTART, out _, out _);
                if (result != raw.SQLITE_BUSY)
                {
                    return result == raw.SQLITE_OK;
                }

                Thread.Yield();
            }

            return false;
        }
    }
}
