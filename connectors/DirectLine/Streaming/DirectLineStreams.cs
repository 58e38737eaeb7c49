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
    private readonly Dictionary<string, StreamConnection> _open = new(StringComparer.Ordinal);

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

    /// <summary>Makes <paramref name="connection"/> the conversation's stream and retires the previous one.</summary>
    public void Attach(string conversationId, StreamConnection connection)
    {
        StreamConnection? previous;
        lock (_gate)
        {
            _open.TryGetValue(conversationId, out previous);
            _open[conversationId] = connection;
        }

        previous?.Retire();
    }

    public void Detach(string conversationId, StreamConnection connection)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(conversationId, out var current) && ReferenceEquals(current, connection))
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
            _open.TryGetValue(conversationId, out connection);
        }

        connection?.Enqueue(set);
    }
}
