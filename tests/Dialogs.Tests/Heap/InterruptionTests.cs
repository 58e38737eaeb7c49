using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class InterruptionTests
{
    [Fact]
    public async Task Help_MidFlow_ExplainsAndRepeatsTheQuestion()
    {
        var flow = new HeapFlow();

        var reflection = await flow.SayAsync("my order 4411 arrived damaged");
        var help = await flow.SendAsync("help");

        Assert.Equal(2, help.Count);
        Assert.Contains("start over", help[0].Text);
        Assert.Equal(reflection, help[1].Text);
        Assert.Contains("What would make this right", await flow.SayAsync("yes"));
    }

    [Fact]
    public async Task StartOver_MidFlow_ForgetsTheCase()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var fresh = await flow.SayAsync("start over");
        var reflection = await flow.SayAsync("my parcel 4402 is late");

        Assert.Contains("start again", fresh);
        Assert.DoesNotContain("4411", reflection);
    }

    [Fact]
    public async Task TalkToAPerson_MidFlow_OpensTicketAndPromisesAPerson()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4411 arrived damaged");
        var handoff = await flow.SayAsync("I'd like to talk to a person please");

        Assert.Contains("person", handoff);
        Assert.Matches(@"T-\d{4}", handoff);
        Assert.DoesNotMatch("(?i)sorry|apolog", handoff); // a calm request needs no apology
        Assert.Equal(Outcomes.Escalated, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Kind);
        Assert.Single(flow.Support.Tickets);
    }

    [Fact]
    public async Task TalkToAPerson_FirstMessage_Escalates()
    {
        var flow = new HeapFlow();

        var handoff = await flow.SayAsync("talk to a human");

        Assert.Contains("person", handoff);
        Assert.Single(flow.Support.Tickets);
    }

    [Fact]
    public async Task RisingAnger_EscalatesWithAnApology()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4411 arrived damaged");
        var reply = await flow.SayAsync("THIS IS THE THIRD TIME I'M WRITING!!! ABSOLUTELY USELESS, I'll see you in court");

        Assert.Contains("person", reply);
        Assert.Matches("(?i)sorry|apolog", reply);
        Assert.Equal(Outcomes.Escalated, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Kind);
    }

    [Fact]
    public async Task RestartMidFlow_NewProcessOverSameStorage_ContinuesAtTheSameStep()
    {
        var first = new HeapFlow();
        await first.SayAsync("my order 4411 arrived damaged");

        var second = new HeapFlow(storage: first.Storage, support: first.Support, time: first.Time) { ConversationId = first.ConversationId };
        var lead = await second.SayAsync("yes");
        var done = await second.SayAsync("Replacement");

        Assert.Contains("What would make this right", lead);
        Assert.Matches(@"T-\d{4}", done);
    }
}
