namespace SupportBot.Core.Delivery;

/// <summary>
/// One lane per conversation: whoever holds a conversation's lane (a turn, an outbox retry) is alone in
/// it within this process, and waiters go in arrival order (SemaphoreSlim queues async waiters FIFO).
/// </summary>
public sealed class ConversationQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public static string KeyOf(string channelId, string conversationId) => $"{channelId}/{conversationId}";

    /// <summary>Waits for the conversation's lane; dispose the answer to leave it.</summary>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken = default)
    {
        Lane lane;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(key, out lane!))
            {
                lane = new Lane();
                _lanes[key] = lane;
            }

            lane.Users++;
        }

        try
        {
            await lane.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, lane, release: false);
            throw;
        }

        return new Releaser(this, key, lane);
    }

    private void Leave(string key, Lane lane, bool release)
    {
        if (release)
        {
            lane.Semaphore.Release();
        }

        lock (_gate)
        {
            if (--lane.Users == 0)
            {
                _lanes.Remove(key);
            }
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationQueue queue, string key, Lane lane) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                queue.Leave(key, lane, release: true);
            }
        }
    }
}
