using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// Group commit. A commit's cost is mostly the transaction itself (the WAL append), so one writer loop owns
/// the write connection and applies every write that queued up meanwhile in a single transaction. A write
/// that can be refused (an ETag conflict, a duplicate) checks everything first and changes nothing until
/// every check has passed, so a refusal fails that write alone and leaves the others in the batch. (Savepoints
/// would do the same, at the price of copying every page a write touches into a savepoint journal.) Every
/// caller is answered only after the shared transaction has committed, so "acknowledged" still means
/// "durable". Callers wait asynchronously, which is what lets writes from many conversations share one commit.
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
    /// <param name="apply">
    /// The write, run on the writer's connection inside the shared transaction. It may refuse with
    /// <see cref="StorageConflictException"/> or <see cref="DuplicateActivityException"/> only before it has
    /// changed a row; any other exception fails the whole batch.
    /// </param>
    public async Task<T> RunAsync<T>(Func<SqliteSession, SqliteTransaction, T> apply)
    {
        var write = new PendingWrite((s, t) => apply(s, t));
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
                var changesBefore = raw.sqlite3_total_changes(_session.Connection.Handle);
                try
                {
                    results[i] = batch[i].Apply(_session, transaction);
                }
                catch (Exception ex) when (ex is StorageConflictException or DuplicateActivityException)
                {
                    if (raw.sqlite3_total_changes(_session.Connection.Handle) != changesBefore)
                    {
                        // A refusal after a change would carry that change into the commit: fail the batch.
                        throw new InvalidOperationException("A storage write was refused after it had changed rows; the batch is not committed.", ex);
                    }

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

    private sealed class PendingWrite(Func<SqliteSession, SqliteTransaction, object?> apply)
    {
        public Func<SqliteSession, SqliteTransaction, object?> Apply { get; } = apply;

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
