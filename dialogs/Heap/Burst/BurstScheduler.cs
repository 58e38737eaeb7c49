using System.Collections.Concurrent;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Heap.Burst;

/// <summary>
/// One quiet-period timer per conversation (on <see cref="TimeProvider"/>): each new message restarts it, and
/// when it runs out the held story is answered in a proactive turn through the adapter. Shared by every turn.
/// </summary>
public sealed class BurstScheduler(TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>(Re)starts the conversation's timer; <paramref name="flush"/> runs when it expires.</summary>
    public void Schedule(ConversationReference reference, TimeSpan quiet, Func<CancellationToken, Task> flush)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var key = $"{reference.ChannelId}/{reference.Conversation?.Id}";
        var timer = timeProvider.CreateTimer(_ => Run(key, flush), null, quiet, Timeout.InfiniteTimeSpan);
        if (_timers.TryGetValue(key, out var previous))
        {
            previous.Dispose();
        }

        _timers[key] = timer;
    }

    /// <summary>Waits for flushes already started (tests, shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private void Run(string key, Func<CancellationToken, Task> flush)
    {
        if (_timers.TryRemove(key, out var timer))
        {
            timer.Dispose();
        }

        var task = Task.Run(() => flush(CancellationToken.None));
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }
}
