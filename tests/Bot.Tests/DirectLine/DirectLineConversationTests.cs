using System.Net;
using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Storage;
using static SupportBot.Bot.Tests.DirectLine.DirectLineTestHost;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>Conversations, echo, watermarks, dedupe and restarts over the Direct Line API.</summary>
public sealed class DirectLineConversationTests
{
    [Fact]
    public async Task StartConversation_SameTokenTwice_Returns201Then200WithStreamUrl()
    {
        await using var host = await StartAsync();
        var (conversationId, token, streamUrl) = await host.StartConversationAsync();

        using var again = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(conversationId, (await JsonAsync(again)).GetProperty("conversationId").GetString());
        Assert.StartsWith($"ws://127.0.0.1:{host.Address.Port}/v3/directline/conversations/{conversationId}/stream?watermark=-&t=", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_Message_EchoesWithServerIdAndClientIdThenBotReplies()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        var id = await host.PostMessageAsync(conversationId, token, "hello", "client-1");
        var (activities, watermark) = await host.GetActivitiesAsync(conversationId, token);

        Assert.Equal($"{conversationId}|0000001", id);
        var echo = activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.True(echo.TryGetProperty("timestamp", out _));
        var reply = Assert.Single(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("type").GetString() == "message");
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.Equal(activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);
    }

    [Fact]
    public async Task PostActivity_FromBotOrOtherUser_FromIsTakenFromToken()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();
        var claims = await host.Tokens.ReadAsync(token);

        await host.PostMessageAsync(conversationId, token, "I am the bot");
        var (activities, _) = await host.GetActivitiesAsync(conversationId, token);

        var from = activities[0].GetProperty("from");
        Assert.Equal(claims!.UserId, from.GetProperty("id").GetString());
        Assert.StartsWith("dl_", from.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("user", from.GetProperty("role").GetString());
    }

    [Fact]
    public async Task GetActivities_SmallPages_WatermarksPageWithoutGapsOrDuplicates()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:ActivitiesPageSize"] = "2" });
        var (conversationId, token, _) = await host.StartConversationAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.PostMessageAsync(conversationId, token, $"message {i}");
        }

        var pages = new List<int>();
        var all = new List<JsonElement>();
        string? watermark = null;
        while (true)
        {
            var (page, next) = await host.GetActivitiesAsync(conversationId, token, watermark);
            if (page.Count == 0)
            {
                Assert.Equal(watermark, next);
                break;
            }

            pages.Add(page.Count);
            all.AddRange(page);
            watermark = next;
        }

        Assert.All(pages, count => Assert.True(count <= 2));
        Assert.Equal(all.Count, all.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(["message 0", "message 1", "message 2"],
            all.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdTwice_OneTurnSameId()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        var first = await host.PostMessageAsync(conversationId, token, "my order is late", "retry-me");
        var second = await host.PostMessageAsync(conversationId, token, "my order is late", "retry-me");
        var activities = await host.AllActivitiesAsync(conversationId, token);
        var transcript = await BotTestServerTranscript(host, conversationId);

        Assert.Equal(first, second);
        Assert.Single(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Single(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("type").GetString() == "message");
        Assert.Single(transcript, a => a.Id == first);
    }

    [Fact]
    public async Task Reconnect_GivesFreshTokenAndStreamUrlWithWatermark()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=3", token);
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(token, body.GetProperty("token").GetString());
        Assert.Contains("/stream?watermark=3&t=", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("expires_in").GetInt32() > 15 * 60);
    }

    [Fact]
    public async Task Refresh_ValidToken_NewTokenSameConversation()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var refreshed = (await JsonAsync(response)).GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(conversationId, (await host.Tokens.ReadAsync(refreshed))!.ConversationId);
        await host.PostMessageAsync(conversationId, refreshed, "still here");
    }

    [Fact]
    public async Task Restart_SameDataFolder_KeepsHistoryWatermarksAndTokens()
    {
        var folder = RepoPaths.NewTempFolder();
        string conversationId, token, watermark;
        List<string?> before;
        await using (var host = await StartAsync(Sqlite(folder)))
        {
            (conversationId, token, _) = await host.StartConversationAsync();
            await host.PostMessageAsync(conversationId, token, "before the restart");
            var all = await host.AllActivitiesAsync(conversationId, token);
            before = all.Select(a => a.GetProperty("id").GetString()).ToList();
            (_, watermark) = await host.GetActivitiesAsync(conversationId, token);
        }

        await using (var host = await StartAsync(Sqlite(folder)))
        {
            var after = (await host.AllActivitiesAsync(conversationId, token)).Select(a => a.GetProperty("id").GetString()).ToList();
            var id = await host.PostMessageAsync(conversationId, token, "after the restart");
            var (newer, _) = await host.GetActivitiesAsync(conversationId, token, watermark);

            Assert.Equal(before, after);
            Assert.Equal(id, newer[0].GetProperty("id").GetString());
            Assert.Equal(int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(id.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Upload_File_BecomesAttachmentThatCanBeFetched()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(MessageJson("a photo"), System.Text.Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob");
        form.Add(new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("image/png") } }, "file", "photo.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=dl_x") { Content = form };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await host.Client.SendAsync(request);
        var (activities, _) = await host.GetActivitiesAsync(conversationId, token);
        var url = activities[0].GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!;
        var bytes = await host.Client.GetByteArrayAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2, 3], bytes);
    }

    private static async Task<List<Core.Schema.Activity>> BotTestServerTranscript(DirectLineTestHost host, string conversationId) =>
        await BotTestServer.ReadTranscriptAsync(
            (ITranscriptStore)host.Services.GetService(typeof(ITranscriptStore))!, "directline", conversationId);
}
