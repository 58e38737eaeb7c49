using System.Net;
using System.Text;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.BotService.Tests.Api;

/// <summary>How /api/messages reads what it is sent (unauthenticated mode, expectReplies, no connector needed).</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "true" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task PostMessages_BodyWithUtf8ByteOrderMark_IsRead()
    {
        var activity = Message("héllo 👋");
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(ActivityJson.Serialize(activity))).ToArray();

        using var response = await _bot.Client.PostAsync("/api/messages", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"activities\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessages_InvalidUtf8_Returns400BadSyntax()
    {
        var json = Encoding.UTF8.GetBytes(ActivityJson.Serialize(Message("PLACEHOLDER")));
        var text = Encoding.UTF8.GetBytes("PLACEHOLDER");
        var at = json.AsSpan().IndexOf(text);
        json[at] = 0xC3;
        json[at + 1] = 0x28; // not a continuation byte

        using var response = await _bot.Client.PostAsync("/api/messages", new ByteArrayContent(json) { Headers = { { "Content-Type", "application/json" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ErrorCodes.BadSyntax, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessages_BodyArrivingInSmallPieces_IsReadWhole()
    {
        var bytes = Encoding.UTF8.GetBytes(ActivityJson.Serialize(Message(new string('x', 20_000))));

        using var response = await _bot.Client.PostAsync("/api/messages", new TricklingContent(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetMessages_IsNotAllowed()
    {
        using var response = await _bot.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static Activity Message(string text)
    {
        var activity = TeamsActivities.Message(text, "http://127.0.0.1:9/", channelId: "emulator");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }

    /// <summary>Sends the body in 1 KB chunks, flushing each, so the server sees many reads.</summary>
    private sealed class TricklingContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var i = 0; i < bytes.Length; i += 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(i, Math.Min(1024, bytes.Length - i)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
