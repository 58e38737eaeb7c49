using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Connectors.BotService.Client;
using SupportBot.Core.Schema;

namespace SupportBot.BotService.Tests.Client;

public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private BotConnectorTestServer _connector = null!;

    public async Task InitializeAsync() => _connector = await BotConnectorTestServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task SendToConversation_Unauthenticated_PostsActivityWithoutAuthorization()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();

        var response = await client.SendToConversationAsync(_connector.ServiceUrl, "conv-1", Message("hello"));

        var call = Assert.Single(_connector.ActivityCalls);
        Assert.Equal(("send", "POST", "/v3/conversations/conv-1/activities"), (call.Operation, call.Method, call.Path));
        Assert.Equal("hello", call.Activity!.Text);
        Assert.Null(call.Authorization);
        Assert.StartsWith("sent-", response.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyToActivity_WithTheOutboxBytes_PostsThoseBytesAsTheyAre()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();
        var stored = System.Text.Encoding.UTF8.GetBytes("""{"type":"message","id":"o1","text":"as stored"}""");

        await client.ReplyToActivityAsync(_connector.ServiceUrl, "conv-1", "a1", Message("not these words"), json: stored);

        var call = Assert.Single(_connector.ActivityCalls);
        Assert.Equal("""{"type":"message","id":"o1","text":"as stored"}""", call.Body);
        Assert.Equal("as stored", call.Activity!.Text);
    }

    [Fact]
    public async Task ReplyToActivity_TeamsConversationId_EscapesIdAndCarriesBotToken()
    {
        await using var services = ChannelServices.Authenticated(_connector);
        var client = services.GetRequiredService<BotConnectorClient>();
        const string conversation = "19:abc@thread.tacv2;messageid=1700000000000";

        await client.ReplyToActivityAsync(_connector.ServiceUrl, conversation, "1700000000000", Message("in the thread"));

        var call = Assert.Single(_connector.ActivityCalls);
        Assert.Equal("reply", call.Operation);
        Assert.Equal(conversation, call.ConversationId);
        Assert.Equal("1700000000000", call.ActivityId);
        Assert.Equal("Bearer connector-token-1", call.Authorization);
    }

    [Fact]
    public async Task CreateConversation_ChannelThread_PostsParametersAndAnswersIds()
    {
        await using var services = ChannelServices.Authenticated(_connector);
        var client = services.GetRequiredService<BotConnectorClient>();
        using var channelData = JsonDocument.Parse("""{"channel":{"id":"19:support@thread.tacv2"}}""");

        var created = await client.CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            ChannelData = channelData.RootElement.Clone(),
            TenantId = "tenant-1",
            Activity = Message("New handoff H-1001"),
        });

        var call = Assert.Single(_connector.Calls, c => c.Operation == "create");
        using var body = JsonDocument.Parse(call.Body);
        Assert.True(body.RootElement.GetProperty("isGroup").GetBoolean());
        Assert.Equal("19:support@thread.tacv2", body.RootElement.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("New handoff H-1001", call.Activity!.Text);
        Assert.StartsWith("19:thread", created.Id, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(created.ActivityId));
    }

    [Fact]
    public async Task UpdateAndDeleteActivity_UsePutAndDeleteOnTheActivity()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();

        var updated = await client.UpdateActivityAsync(_connector.ServiceUrl, "conv-2", "act-9", Message("Accepted by Ana"));
        await client.DeleteActivityAsync(_connector.ServiceUrl, "conv-2", "act-9");

        Assert.Equal("act-9", updated.Id);
        Assert.Equal(["PUT /v3/conversations/conv-2/activities/act-9", "DELETE /v3/conversations/conv-2/activities/act-9"],
            _connector.Calls.Select(c => c.Method + " " + c.Path));
    }

    [Fact]
    public async Task Send_Throttled429WithRetryAfter_WaitsThatLongAndRetries()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();
        _connector.FailNext(429, retryAfter: TimeSpan.FromSeconds(1), errorCode: "Throttled");

        await client.SendToConversationAsync(_connector.ServiceUrl, "conv-3", Message("after the wait"));

        var calls = _connector.ActivityCalls;
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), $"retried after {calls[1].ReceivedAt - calls[0].ReceivedAt}");
    }

    [Fact]
    public async Task Send_ServerErrorsThenSuccess_RetriesUntilItGoesThrough()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();
        _connector.FailNext(503);
        _connector.FailNext(502);

        await client.SendToConversationAsync(_connector.ServiceUrl, "conv-4", Message("third time lucky"));

        Assert.Equal(3, _connector.ActivityCalls.Count);
    }

    [Fact]
    public async Task Send_ServerErrorOnEveryAttempt_ThrowsTransientBotConnectorException()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();
        for (var i = 0; i <= BotConnectorClient.MaxRetryAttempts; i++)
        {
            _connector.FailNext(500);
        }

        var ex = await Assert.ThrowsAsync<BotConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "conv-5", Message("lost?")));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(BotConnectorClient.MaxRetryAttempts + 1, _connector.ActivityCalls.Count);
    }

    [Fact]
    public async Task Send_BadRequest_ThrowsAtOnceWithTheErrorCode()
    {
        await using var services = ChannelServices.Unauthenticated();
        var client = services.GetRequiredService<BotConnectorClient>();
        _connector.FailNext(400, errorCode: "BadArgument");

        var ex = await Assert.ThrowsAsync<BotConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "conv-6", Message("bad")));

        Assert.Equal("BadArgument", ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.Single(_connector.ActivityCalls);
    }

    [Fact]
    public async Task Send_ServiceUrlNotAllowed_ThrowsAndSendsNothing()
    {
        await using var services = ChannelServices.Authenticated(_connector);
        var client = services.GetRequiredService<BotConnectorClient>();

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => client.SendToConversationAsync("https://collector.example.com/", "conv-7", Message("secret")));
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => client.SendToConversationAsync("http://127.0.0.1:9/", "conv-7", Message("secret")));

        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Send_Unauthorized_ForgetsTheTokenSoTheNextCallGetsANewOne()
    {
        await using var services = ChannelServices.Authenticated(_connector);
        var client = services.GetRequiredService<BotConnectorClient>();
        await client.SendToConversationAsync(_connector.ServiceUrl, "conv-8", Message("one"));
        _connector.FailNext(401, errorCode: "Unauthorized");

        await Assert.ThrowsAsync<BotConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "conv-8", Message("two")));
        await client.SendToConversationAsync(_connector.ServiceUrl, "conv-8", Message("three"));

        Assert.Equal(2, _connector.Calls.Count(c => c.Operation == "token"));
        Assert.Equal("Bearer connector-token-2", _connector.ActivityCalls[^1].Authorization);
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = "emulator",
        From = new ChannelAccount("bot", "SupportBot", RoleTypes.Bot),
    };
}
