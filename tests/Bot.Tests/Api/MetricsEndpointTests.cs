using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Api;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task GetMetrics_AfterOneTurn_ContainsTurnCounterForTheChannel()
    {
        await using var server = await BotTestServer.StartAsync();
        var channel = "metrics" + Guid.NewGuid().ToString("N")[..8];
        using var turn = await server.PostAsync(TestActivities.Message("hi", TestActivities.NewConversationId(), channel));
        turn.EnsureSuccessStatusCode();

        var metrics = await server.Client.GetStringAsync("/metrics");

        Assert.Contains($"supportbot_turns{{channel=\"{channel}\"}} 1", metrics);
        Assert.Contains($"supportbot_turn_duration_count{{channel=\"{channel}\"}} 1", metrics);
    }
}
