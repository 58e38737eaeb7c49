using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// Group commit. A commit's cost is mostly the transaction itself (the WAL append), so one writer loop owns
/// the write connection and applies every write that queued up meanwhile in a single transaction, each
/// inside its own savepoint: an ETag conflict or a duplicate rolls back that write alone. Every caller is
/// answered only after the shared transaction has committed, so "acknowledged" still means "durable".
/// Callers wait asynchronously, which is what lets writes from many conversations share one commit.
/// </summary>
internal sealed class SqliteGroupWriter : IDisposable
{
    private const int MaxBatch = 256;

    private readonly SqliteSession _session;
    private readonly Action? _committed;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <param name="session">The write connection, used by this writer alone.</param>
    /// <param name="committed">Told after each committed transaction (the checkpointer counts them).</param>
    public SqliteGroupWriter(SqliteSession session, Action? committed = null)
    {
        _session = session;
        _committed = committed;
        _loop = Task.Factory.StartNew(RunLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Applies <paramref name="apply"/> in a committed transaction and answers its result.</summary>
    /// <param name="apply">The write, run on the writer's connection inside the shared transaction.</param>
    /// <param name="isolated">
    /// Whether the write can fail on its own (an ETag conflict, a duplicate) and so needs a savepoint; a write
    /// that cannot (deleting delivered outbox rows) runs without one.
    /// </param>
    public async Task<T> RunAsync<T>(Func<SqliteSession, SqliteTransaction, T> apply, bool isolated = true)
    {
        var write = new PendingWrite((s, t) => apply(s, t), isolated);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteStorage));
        }

        return (T)(await write.Completion.Task.ConfigureAwait(false))!;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Let the turns already queued on the thread pool run first: their commits join this batch, and a
            // bigger batch writes fewer log pages per turn. When nothing else is queued this costs nothing.
            await Task.Yield();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            lock (_session.Gate)
            {
                Apply(batch);
            }

            batch.Clear();
        }
    }

    private void Apply(List<PendingWrite> batch)
    {
        var results = new object?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            using var transaction = _session.Connection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Count == 1 || !batch[i].Isolated)
                {
                    results[i] = batch[i].Apply(_session, transaction);
                    continue;
                }

                // Savepoints as prepared statements: SqliteTransaction.Save and Release would parse them anew
                // for every write.
                _session.Statement("SAVEPOINT write;").Execute();
                try
                {
                    results[i] = batch[i].Apply(_session, transaction);
                    _session.Statement("RELEASE write;").Execute();
                }
                catch (Exception ex) when (ex is StorageConflictException or DuplicateActivityException)
                {
                    _session.Statement("ROLLBACK TO write;").Execute();
                    _session.Statement("RELEASE write;").Execute();
                    errors[i] = ex;
                }
            }

            transaction.Commit();
            _committed?.Invoke();
        }
        catch (Exception ex)
        {
            // The transaction did not commit: nothing of this batch is written.
            for (var i = 0; i < batch.Count; i++)
            {
                errors[i] ??= ex;
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
    }

    private sealed class PendingWrite(Func<SqliteSession, SqliteTransaction, object?> apply, bool isolated)
    {
        public Func<SqliteSession, SqliteTransaction, object?> Apply { get; } = apply;

        public bool Isolated { get; } = isolated;

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
