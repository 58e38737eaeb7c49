using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class BurstTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    private static HeapFlow Flow(bool expectReplies = false)
    {
        var policy = HeapFlow.DefaultPolicy();
        policy.BurstQuietPeriod = Quiet;
        return new HeapFlow(policy) { ExpectReplies = expectReplies };
    }

    [Fact]
    public async Task Burst_ThreeShortMessages_OneReflectionOfTheWholeStory()
    {
        var flow = Flow();

        Assert.Empty(await flow.SendAsync("hi"));
        Assert.Empty(await flow.SendAsync("my order 4411 came today"));
        Assert.Empty(await flow.SendAsync("the screen is cracked and I need it by Friday"));
        var reflection = await flow.WaitAsync(Quiet);

        Assert.Contains("4411", reflection);
        Assert.Contains("cracked screen", reflection);
        Assert.Contains("Friday", reflection);
        Assert.EndsWith("Is that right?", reflection);
    }

    [Fact]
    public async Task Burst_EachMessageRestartsTheQuietPeriod()
    {
        var flow = Flow();

        await flow.SendAsync("my order 4411 came today");
        Assert.Equal(string.Empty, await flow.WaitAsync(TimeSpan.FromSeconds(1)));
        await flow.SendAsync("and it's broken");
        Assert.Equal(string.Empty, await flow.WaitAsync(TimeSpan.FromSeconds(1)));
        var reflection = await flow.WaitAsync(TimeSpan.FromSeconds(0.5));

        Assert.Contains("4411", reflection);
        Assert.Contains("damaged", reflection);
    }

    [Fact]
    public async Task Burst_AfterTheStory_AnswersAreNotHeld()
    {
        var flow = Flow();
        await flow.SendAsync("my order 4411 arrived damaged");
        await flow.WaitAsync(Quiet);

        var lead = string.Join("\n", (await flow.SendAsync("yes")).Select(r => r.Text));

        Assert.Contains("What would make this right", lead);
    }

    [Fact]
    public async Task Burst_AskForAPerson_AnsweredAtOnceWithTheHeldStoryOnTheTicket()
    {
        var flow = Flow();
        await flow.SendAsync("my order 4411 arrived damaged");

        var handoff = string.Join("\n", (await flow.SendAsync("actually I want to talk to a person")).Select(r => r.Text));
        var later = await flow.WaitAsync(Quiet);

        Assert.Contains("person", handoff);
        Assert.Equal("Order 4411 arrived damaged", Assert.Single(flow.Support.Tickets).Summary);
        Assert.Equal(string.Empty, later);
    }

    [Fact]
    public async Task Burst_CallerWaitingForReplies_NeverHeld()
    {
        var flow = Flow(expectReplies: true);

        var reflection = await flow.SayAsync("my order 4411 arrived damaged");

        Assert.Contains("4411", reflection);
    }
}
