using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// Fans desk events out to every open desk (one subscription per Server-Sent Events connection). A
/// subscriber that falls <see cref="Capacity"/> events behind is closed rather than buffered without end; the
/// browser's EventSource reconnects and the desk reloads its state, so nothing is missed, only re-read.
/// In-process: each instance serves the desks connected to it.
/// </summary>
internal sealed class DeskEventStream(ILoggerFactory loggers)
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<Subscription, byte> _subscribers = new();
    private readonly ILogger _logger = loggers.CreateLogger(DeskLog.Category);

    public int SubscriberCount => _subscribers.Count;

    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        _subscribers[subscription] = 0;
        return subscription;
    }

    /// <summary>Ends every open stream (the host is stopping: open connections must not hold up its shutdown).</summary>
    public void CloseAll()
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryComplete();
            _subscribers.TryRemove(subscriber, out _);
        }
    }

    public void Publish(DeskEvent deskEvent)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            if (!subscriber.Writer.TryWrite(deskEvent))
            {
                subscriber.Writer.TryComplete();
                _subscribers.TryRemove(subscriber, out _);
                DeskLog.SubscriberDropped(_logger);
            }
        }
    }

    /// <summary>One open event stream; dispose when the connection ends.</summary>
    internal sealed class Subscription : IDisposable
    {
        private readonly DeskEventStream _owner;
        private readonly Channel<DeskEvent> _channel = Channel.CreateBounded<DeskEvent>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public Subscription(DeskEventStream owner) => _owner = owner;

        public ChannelReader<DeskEvent> Reader => _channel.Reader;

        internal ChannelWriter<DeskEvent> Writer => _channel.Writer;

        public void Dispose()
        {
            _owner._subscribers.TryRemove(this, out _);
            _channel.Writer.TryComplete();
        }
    }
}

/// <summary>One Server-Sent Event: its type (<c>event:</c>) and its JSON data.</summary>
internal sealed record DeskEvent(string Kind, string Json);
