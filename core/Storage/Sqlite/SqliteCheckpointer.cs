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

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _wanted = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _batches;
    private int _disposed;
    private int _checkpoints;

    public SqliteCheckpointer(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How many checkpoints have run.</summary>
    public int Checkpoints => Volatile.Read(ref _checkpoints);

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
            // copies what arrived meanwhile, so the log starts over from the beginning instead of growing. A busy
            // or failed checkpoint is simply tried again at the next request: the log keeps every commit meanwhile.
            raw.sqlite3_wal_checkpoint_v2(_connection.Handle, null, raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
            raw.sqlite3_wal_checkpoint_v2(_connection.Handle, null, raw.SQLITE_CHECKPOINT_RESTART, out _, out _);
            Interlocked.Increment(ref _checkpoints);
        }
    }
}
