using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using static SupportBot.Bot.Tests.DirectLine.DirectLineTestHost;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>The WebSocket stream and the URLs that lead to it.</summary>
public sealed class DirectLineStreamTests
{
    [Fact]
    public async Task Stream_FromWatermark_ReplaysHistoryThenCarriesNewActivities()
    {
        await using var host = await StartAsync();
        var (conversationId, token, streamUrl) = await host.StartConversationAsync();
        var first = await host.PostMessageAsync(conversationId, token, "before the socket");

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var replayed = await ReceiveIdsAsync(socket, until: first);
        var second = await host.PostMessageAsync(conversationId, token, "after the socket", "live-1");
        var live = await ReceiveIdsAsync(socket, until: second);

        Assert.Equal(first, replayed[0]);
        Assert.DoesNotContain(first, live);
        Assert.Contains(second, live);
    }

    [Fact]
    public async Task Stream_SecondSocket_OlderOneIsClosedNormally()
    {
        await using var host = await StartAsync();
        var (_, _, streamUrl) = await host.StartConversationAsync();

        using var older = new ClientWebSocket();
        await older.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        using var newer = new ClientWebSocket();
        await newer.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await older.ReceiveAsync(new byte[1024], timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, result.CloseStatus);
        Assert.Equal(WebSocketState.Open, newer.State);
    }

    [Fact]
    public async Task StartConversation_BehindTlsProxy_StreamUrlIsWssOnPublicHost()
    {
        await using var host = await StartAsync();
        var token = await host.WebChatTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "chat.example.com");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await host.Client.SendAsync(request);
        var streamUrl = (await JsonAsync(response)).GetProperty("streamUrl").GetString();

        Assert.StartsWith("wss://chat.example.com/v3/directline/conversations/", streamUrl, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReceiveIdsAsync(ClientWebSocket socket, string until)
    {
        var ids = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (!ids.Contains(until))
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
            Assert.True(set.RootElement.TryGetProperty("watermark", out _));
            ids.AddRange(set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
        }

        return ids;
    }
}
