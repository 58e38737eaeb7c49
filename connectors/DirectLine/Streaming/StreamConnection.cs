using System.Net.WebSockets;
using System.Threading.Channels;
using SupportBot.Connectors.DirectLine.Client;

namespace SupportBot.Connectors.DirectLine.Streaming;

/// <summary>
/// One open stream: a writer loop sends queued ActivitySets in order and an empty keep-alive message when
/// idle; a reader loop takes the client's messages (keep-alives, ignored) and notices the close.
/// </summary>
internal sealed class StreamConnection(WebSocket socket, TimeSpan keepAlive, TimeProvider timeProvider)
{
    private readonly Channel<ActivitySet> _queue = Channel.CreateUnbounded<ActivitySet>(new UnboundedChannelOptions { SingleReader = true });
    public void Enqueue(ActivitySet set) => _queue.Writer.TryWrite(set);

    /// <summary>A newer stream took over: stop sending; the writer then closes this one normally.</summary>
    public void Retire() => _queue.Writer.TryComplete();

    /// <summary>Whether this stream has been retired (or has ended).</summary>
    public bool IsRetired => _queue.Reader.Completion.IsCompleted;

    /// <summary>Runs until the client closes, the stream is retired or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // Cancelling a pending receive aborts a WebSocket, so the reader only stops with the request;
        // a retired stream closes from the writer side and waits briefly for the client's close.
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(cancellationToken);
        var writing = WriteAsync(stopWriting.Token);
        var first = await Task.WhenAny(reading, writing).ConfigureAwait(false);
        if (first == writing)
        {
            await CloseAsync().ConfigureAwait(false);
            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5), timeProvider, CancellationToken.None)).ConfigureAwait(false);
        }
        else
        {
            await stopWriting.CancelAsync().ConfigureAwait(false);
            _queue.Writer.TryComplete();
            await CloseAsync().ConfigureAwait(false);
        }

        foreach (var task in new[] { reading, writing })
        {
            try
            {
                if (task.IsCompleted)
                {
                    await task.ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The client went away or a newer stream replaced this one: nothing to report.
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var waiting = reader.WaitToReadAsync(idle.Token).AsTask();
            var timer = Task.Delay(keepAlive, timeProvider, idle.Token);
            var first = await Task.WhenAny(waiting, timer).ConfigureAwait(false);
            await idle.CancelAsync().ConfigureAwait(false);
            if (first == timer)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!await waiting.ConfigureAwait(false))
            {
                return;
            }

            while (reader.TryRead(out var set))
            {
                await socket.SendAsync(ActivitySetWriter.ToUtf8(set), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private async Task CloseAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing is best effort; the connection is gone either way.
        }
    }
}
