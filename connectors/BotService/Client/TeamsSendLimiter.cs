using System.Collections.Concurrent;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>
/// Keeps the bot under Teams' limits per conversation (PROTOCOLS.md §3): 7 sends in 1 s, 8 in 2 s, 60 in
/// 30 s, 1800 in an hour. A send that would break one waits until the oldest send of that window has left
/// it, instead of drawing a 429. Conversations idle for an hour are forgotten.
/// </summary>
internal sealed class TeamsSendLimiter(TimeProvider timeProvider)
{
    private static readonly (int Count, TimeSpan Window)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, History> _conversations = new(StringComparer.Ordinal);
    private int _calls;

    /// <summary>Waits until a send to <paramref name="conversationId"/> is within the limits, and counts it.</summary>
    public async ValueTask WaitAsync(string conversationId, Action<TimeSpan>? onWait = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0)
        {
            Sweep();
        }

        var history = _conversations.GetOrAdd(conversationId, static _ => new History());
        while (true)
        {
            TimeSpan wait;
            lock (history)
            {
                var now = timeProvider.GetUtcNow();
                wait = history.WaitNeeded(now);
                if (wait <= TimeSpan.Zero)
                {
                    history.Sends.Enqueue(now);
                    return;
                }
            }

            onWait?.Invoke(wait);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Sweep()
    {
        var cutoff = timeProvider.GetUtcNow() - Longest;
        foreach (var (id, history) in _conversations)
        {
            lock (history)
            {
                history.Forget(cutoff);
                if (history.Sends.Count == 0)
                {
                    _conversations.TryRemove(id, out _);
                }
            }
        }
    }

    private sealed class History
    {
        public Queue<DateTimeOffset> Sends { get; } = new();

        public void Forget(DateTimeOffset cutoff)
        {
            while (Sends.TryPeek(out var oldest) && oldest <= cutoff)
            {
                Sends.Dequeue();
            }
        }

        /// <summary>How long until one more send fits every window (zero: now).</summary>
        public TimeSpan WaitNeeded(DateTimeOffset now)
        {
            Forget(now - Longest);
            var wait = TimeSpan.Zero;
            if (Sends.Count < Limits[0].Count)
            {
                return wait;
            }

            var sends = Sends.ToArray();
            foreach (var (count, window) in Limits)
            {
                // The send 'count' places back from the newest must have left the window.
                if (sends.Length >= count)
                {
                    var blocking = sends[^count];
                    var free = blocking + window - now;
                    if (free > wait)
                    {
                        wait = free;
                    }
                }
            }

            return wait;
        }
    }
}
