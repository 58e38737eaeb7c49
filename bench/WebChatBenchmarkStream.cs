using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace SupportBot.Bench;

/// <summary>
/// One conversation's Direct Line WebSocket stream (PROTOCOLS.md §1): reads ActivitySets, notes when the
/// bot's first message answering each posted activity (its <c>replyToId</c>) arrives, and counts an
/// activity id delivered twice as a duplicate.
/// </summary>
internal sealed class WebChatBenchmarkStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly string _userId;
    private readonly WebChatBenchmarkTally _tally;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<WebChatBenchmarkReply>> _replies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Task _receiving;

    private WebChatBenchmarkStream(ClientWebSocket socket, string userId, WebChatBenchmarkTally tally)
    {
        _socket = socket;
        _userId = userId;
        _tally = tally;
        _receiving = Task.Run(ReceiveAsync);
    }

    public static async Task<WebChatBenchmarkStream> ConnectAsync(Uri streamUrl, string userId, WebChatBenchmarkTally tally, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(streamUrl, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new WebChatBenchmarkStream(socket, userId, tally);
    }

    /// <summary>The bot's first message answering <paramref name="activityId"/>, whether it came before or after this call.</summary>
    public Task<WebChatBenchmarkReply> ReplyToAsync(string activityId)
    {
        lock (_gate)
        {
            return WaiterOf(activityId).Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }

            await _receiving.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // The benchmark is over; a socket that does not close politely is simply dropped.
        }
        finally
        {
            _socket.Abort();
            _socket.Dispose();
        }
    }

    private TaskCompletionSource<WebChatBenchmarkReply> WaiterOf(string activityId)
    {
        if (!_replies.TryGetValue(activityId, out var waiter))
        {
            waiter = new TaskCompletionSource<WebChatBenchmarkReply>(TaskCreationOptions.RunContinuationsAsynchronously);
            _replies[activityId] = waiter;
        }

        return waiter;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                message.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer.AsSpan(0, result.Count));
                }
                while (!result.EndOfMessage);

                // An empty message is a keep-alive (PROTOCOLS.md §1).
                if (message.WrittenCount > 0)
                {
                    Take(message.WrittenSpan, Stopwatch.GetTimestamp());
                }
            }
        }
        catch (WebSocketException)
        {
            // The server or the benchmark closed the socket; waiting replies time out and count as lost.
        }
    }

    private void Take(ReadOnlySpan<byte> json, long arrived)
    {
        var reader = new Utf8JsonReader(json);
        using var set = JsonDocument.ParseValue(ref reader);
        if (!set.RootElement.TryGetProperty("activities", out var activities))
        {
            return;
        }

        foreach (var activity in activities.EnumerateArray())
        {
            var id = Text(activity, "id");
            lock (_gate)
            {
                if (id is not null && !_seen.Add(id))
                {
                    _tally.DuplicatedActivity();
                    continue;
                }

                if (Text(activity, "type") == "message"
                    && Text(activity, "replyToId") is { } replyToId
                    && activity.TryGetProperty("from", out var from) && Text(from, "id") != _userId)
                {
                    WaiterOf(replyToId).TrySetResult(new WebChatBenchmarkReply(arrived, Text(activity, "text") ?? string.Empty));
                }
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
