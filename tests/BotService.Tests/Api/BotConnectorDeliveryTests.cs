using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Connectors.BotService;
using SupportBot.Core.Delivery;

namespace SupportBot.BotService.Tests.Api;

/// <summary>The host in unauthenticated mode (local development, the Emulator): replies reach the activity's serviceUrl.</summary>
public sealed class BotConnectorDeliveryTests : IAsyncLifetime
{
    private BotConnectorTestServer _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await BotConnectorTestServer.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task PostMessages_EmulatorMessage_ReplyIsPostedToServiceUrlWithoutToken()
    {
        var activity = TeamsActivities.Message("hi", _connector.ServiceUrl, channelId: "emulator");

        using var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForAsync(c => c.ConversationId == activity.Conversation!.Id));
        Assert.Equal("reply", reply.Operation);
        Assert.Equal(activity.Id, reply.ActivityId);
        Assert.Null(reply.Authorization);
        Assert.Equal(activity.From!.Id, reply.Activity!.Recipient!.Id);
        Assert.Equal(activity.Recipient!.Id, reply.Activity.From!.Id);
        Assert.Contains("Alder & Finch", reply.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessages_ConnectorDownThenUp_ReplyWaitsInTheOutboxAndIsDeliveredLater()
    {
        for (var i = 0; i <= Connectors.BotService.Client.BotConnectorClient.MaxRetryAttempts; i++)
        {
            _connector.FailNext(503);
        }

        var activity = TeamsActivities.Message("hi", _connector.ServiceUrl, channelId: "emulator");

        using var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Four refused attempts inside the turn, then the outbox's background retry gets through.
        var calls = await _connector.WaitForAsync(c => c.ConversationId == activity.Conversation!.Id, count: 5, timeout: TimeSpan.FromSeconds(60));
        Assert.Single(calls.Select(c => c.Activity!.Id).Distinct());
        Assert.All(calls, c => Assert.Equal(activity.Id, c.ActivityId));
    }

    [Fact]
    public void Senders_BotConnectorSender_ServesBotConnectorChannelsNotOurOwn()
    {
        var sender = _bot.Services.GetServices<IChannelSender>().OfType<BotConnectorSender>().Single();

        Assert.True(sender.CanSend("msteams"));
        Assert.True(sender.CanSend("emulator"));
        Assert.False(sender.CanSend("directline"));
    }
}
