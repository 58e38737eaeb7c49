using System.Net.Http.Headers;
using System.Text;
using SupportBot.Connectors.DirectLine;
using SupportBot.Core.Schema;
using static SupportBot.Bot.Tests.DirectLine.DirectLineTestHost;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>Every error code of the Direct Line API answers with the JSON error body (PROTOCOLS.md §1).</summary>
public sealed class DirectLineErrorTests
{
    [Fact]
    public async Task PostActivity_MalformedJson_Returns400()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, "{\"type\":");

        await AssertErrorAsync(response, 400, ErrorCodes.BadSyntax);
    }

    [Fact]
    public async Task PostActivity_UnknownType_Returns400()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, """{"type":"nonsense","from":{"id":"dl_x"}}""");

        await AssertErrorAsync(response, 400, ErrorCodes.BadArgument);
    }

    [Fact]
    public async Task GetActivities_BadWatermark_Returns400()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token);

        await AssertErrorAsync(response, 400, ErrorCodes.BadArgument);
    }

    [Fact]
    public async Task AnyEndpoint_NoAuthorization_Returns401()
    {
        await using var host = await StartAsync();
        var (conversationId, _, _) = await host.StartConversationAsync();

        using var post = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", null, MessageJson("hi"));
        using var start = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null);

        await AssertErrorAsync(post, 401, ErrorCodes.Unauthorized);
        await AssertErrorAsync(start, 401, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task AnyEndpoint_ForgedToken_Returns403()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged);

        await AssertErrorAsync(response, 403, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Token_OtherConversation_Returns403()
    {
        await using var host = await StartAsync();
        var (first, _, _) = await host.StartConversationAsync();
        var (_, secondToken, _) = await host.StartConversationAsync();

        using var get = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{first}/activities", secondToken);
        using var post = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{first}/activities", secondToken, MessageJson("hi"));
        using var reconnect = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{first}", secondToken);

        await AssertErrorAsync(get, 403, ErrorCodes.Forbidden);
        await AssertErrorAsync(post, 403, ErrorCodes.Forbidden);
        await AssertErrorAsync(reconnect, 403, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task ExpiredToken_ActivitiesAndRefresh_Return403TokenExpired()
    {
        await using var host = await StartAsync();
        var (conversationId, _, _) = await host.StartConversationAsync();
        var (expired, _) = await host.Tokens.IssueAsync(conversationId, "dl_old", null, DateTimeOffset.UtcNow - TimeSpan.FromHours(2));

        using var get = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", expired);
        using var refresh = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", expired);

        await AssertErrorAsync(get, 403, "TokenExpired");
        await AssertErrorAsync(refresh, 403, "TokenExpired");
    }

    [Fact]
    public async Task Secret_UnknownConversation_Returns404()
    {
        await using var host = await StartAsync();

        using var get = await host.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", Secret);
        using var post = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations/nope/activities", Secret, MessageJson("hi"));
        using var reconnect = await host.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope", Secret);

        await AssertErrorAsync(get, 404, ErrorCodes.NotFound);
        await AssertErrorAsync(post, 404, ErrorCodes.NotFound);
        await AssertErrorAsync(reconnect, 404, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task PostActivity_Oversize_Returns413()
    {
        await using var host = await StartAsync();
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            MessageJson(new string('x', ActivityJson.MaxActivityChars + 10)));

        await AssertErrorAsync(response, 413, ErrorCodes.MessageSizeTooBig);
    }

    [Fact]
    public async Task Upload_Oversize_Returns413()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:MaxUploadBytes"] = "1000" });
        var (conversationId, token, _) = await host.StartConversationAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(MessageJson("a file"), Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob");
        form.Add(new ByteArrayContent(new byte[5000]) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "big.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=dl_x") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await host.Client.SendAsync(request);

        await AssertErrorAsync(response, 413, ErrorCodes.MessageSizeTooBig);
    }

    [Fact]
    public async Task Requests_OverTokenLimit_Return429WithRetryAfter()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:RateLimitPerTokenPerMinute"] = "3" });
        var (conversationId, token, _) = await host.StartConversationAsync();

        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        }

        using (last)
        {
            Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            await AssertErrorAsync(last, 429, "TooManyRequests");
        }
    }

    [Fact]
    public async Task Requests_OverIpLimit_Return429WithRetryAfter()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:RateLimitPerIpPerMinute"] = "2" });

        using var first = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);
        using var second = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);
        using var third = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        await AssertErrorAsync(third, 429, "TooManyRequests");
    }

    [Fact]
    public async Task PostActivity_BotFails_Returns502AndRetryRunsTheTurn()
    {
        var turns = new FlakyTurns();
        await using var host = await StartAsync(turns: turns);
        var (conversationId, token, _) = await host.StartConversationAsync();

        using var failed = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, MessageJson("hi", "c-1"));
        await AssertErrorAsync(failed, 502, ErrorCodes.ServiceError);
        var id = await host.PostMessageAsync(conversationId, token, "hi", "c-1");

        Assert.Equal($"{conversationId}|0000001", id);
        Assert.Equal(2, turns.Calls);
    }

    [Fact]
    public async Task WebChatToken_ForeignOrMissingOrigin_Returns403()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:AllowedOrigins:0"] = "https://shop.example" });

        using var none = await host.Client.PostAsync("/api/webchat/token", null);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Headers = { { "Origin", "https://evil.example" } } };
        using var foreignResponse = await host.Client.SendAsync(foreign);
        using var allowed = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Headers = { { "Origin", "https://shop.example" } } };
        using var allowedResponse = await host.Client.SendAsync(allowed);

        await AssertErrorAsync(none, 403, ErrorCodes.Forbidden);
        await AssertErrorAsync(foreignResponse, 403, ErrorCodes.Forbidden);
        Assert.Equal(200, (int)allowedResponse.StatusCode);
        Assert.StartsWith("dl_", (await JsonAsync(allowedResponse)).GetProperty("userId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithToken_Returns403()
    {
        await using var host = await StartAsync();
        var (_, token, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);

        await AssertErrorAsync(response, 403, ErrorCodes.Forbidden);
    }

    /// <summary>Fails the first turn, then succeeds.</summary>
    private sealed class FlakyTurns : IDirectLineTurns
    {
        public int Calls { get; private set; }

        public Task RunAsync(Activity activity, CancellationToken cancellationToken = default) =>
            ++Calls == 1 ? throw new InvalidOperationException("store down") : Task.CompletedTask;
    }
}
