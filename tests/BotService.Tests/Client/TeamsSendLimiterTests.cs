using Microsoft.Extensions.Time.Testing;
using SupportBot.Connectors.BotService.Client;

namespace SupportBot.BotService.Tests.Client;

public sealed class TeamsSendLimiterTests
{
    [Fact]
    public async Task WaitAsync_EighthSendWithinOneSecond_WaitsUntilTheFirstLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new TeamsSendLimiter(time);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.WaitAsync("conv").IsCompletedSuccessfully, $"send {i + 1} should go at once");
        }

        var eighth = limiter.WaitAsync("conv").AsTask();
        var other = limiter.WaitAsync("another-conv");

        Assert.False(eighth.IsCompleted);
        Assert.True(other.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitAsync_NinthSendWithinTwoSeconds_WaitsForTheTwoSecondWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new TeamsSendLimiter(time);
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync("conv");
        }

        time.Advance(TimeSpan.FromSeconds(1));
        await limiter.WaitAsync("conv");
        var ninth = limiter.WaitAsync("conv").AsTask();

        Assert.False(ninth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(ninth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await ninth.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitAsync_SixtyOneSendsWithinThirtySeconds_WaitsForTheThirtySecondWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new TeamsSendLimiter(time);
        for (var i = 0; i < 60; i++)
        {
            // Spaced to keep within the 1 s and 2 s windows.
            await limiter.WaitAsync("conv");
            time.Advance(TimeSpan.FromMilliseconds(300));
        }

        var next = limiter.WaitAsync("conv").AsTask();

        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(12));
        await next.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
