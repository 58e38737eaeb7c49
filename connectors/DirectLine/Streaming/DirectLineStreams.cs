using SupportBot.Connectors.DirectLine.Client;

namespace SupportBot.Connectors.DirectLine.Streaming;

/// <summary>
/// The open WebSocket streams of this process, one per conversation. A new stream for a conversation
/// replaces the older one, which is closed quietly: the official client can open another socket on the
/// same URL without closing the first (PROTOCOLS.md §1), and a "collision" close would set off its
/// reconnect loop.
/// </summary>
internal sealed class DirectLineStreams
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (StreamConnection Connection, long Arrival)> _open = new(StringComparer.Ordinal);
    private long _arrivals;

    /// <summary>Open streams (for tests and metrics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// A number for a socket about to be accepted. Streams are ranked by it, not by when they finish replaying
    /// history: two sockets opened one after the other may reach <see cref="Attach"/> in either order.
    /// </summary>
    public long NextArrival() => Interlocked.Increment(ref _arrivals);

    /// <summary>
    /// Makes <paramref name="connection"/> (which arrived as <paramref name="arrival"/>) the conversation's stream
    /// and retires the one it replaces — or retires it at once when a newer socket got there first.
    /// </summary>
    public void Attach(string conversationId, StreamConnection connection, long arrival)
    {
        StreamConnection? retired;
        lock (_gate)
        {
            if (_open.TryGetValue(conversationId, out var current) && current.Arrival > arrival)
            {
                retired = connection;
            }
            else
            {
                _open[conversationId] = (connection, arrival);
                retired = current.Connection;
            }
        }

        retired?.Retire();
    }

    public void Detach(string conversationId, StreamConnection connection)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(conversationId, out var current) && ReferenceEquals(current.Connection, connection))
            {
                _open.Remove(conversationId);
            }
        }
    }

    /// <summary>Queues newly logged activities for the conversation's stream, if one is open here.</summary>
    public void Publish(string conversationId, ActivitySet set)
    {
        StreamConnection? connection;
        lock (_gate)
        {
            connection = _open.TryGetValue(conversationId, out var current) ? current.Connection : null;
        }

        connection?.Enqueue(set);
    }
}
