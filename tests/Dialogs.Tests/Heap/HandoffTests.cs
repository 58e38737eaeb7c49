using SupportBot.Core.Handoff;
using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

/// <summary>The HEAP conversation with a live handoff: escalation hands over, the bot takes back after.</summary>
public sealed class HandoffTests
{
    [Fact]
    public async Task TalkToAPerson_InAgentHours_HandsOverWithTheCaseNoTicket()
    {
        var flow = new HeapFlow();
        using var handoff = new HandoffSetup(flow);

        await flow.SayAsync("my order 4411 arrived damaged");
        var reply = await flow.SayAsync("I'd like to talk to a person please");
        await handoff.Notifier.IdleAsync();

        Assert.Contains("bringing in a person", reply);
        Assert.Contains("won't have to repeat yourself", reply);
        Assert.Contains("You're next in line.", reply);
        Assert.Contains("within 5 minutes", reply);
        Assert.DoesNotMatch(@"T-\d{4}", reply);
        Assert.Empty(flow.Support.Tickets);
        var handoffCase = await handoff.CaseAsync();
        Assert.Equal(HandoffStatus.Waiting, handoffCase.Status);
        Assert.Equal(HandoffReasonKinds.ExplicitRequest, handoffCase.Reason.Kind);
        Assert.Equal("4411", handoffCase.Context.Facts["orderNumber"]);
        Assert.Equal("damaged", handoffCase.Context.Facts["issueType"]);
        Assert.Contains("my order 4411 arrived damaged", handoffCase.Context.Said);
        Assert.Equal(HeapStages.Hear, handoffCase.Context.Stage);
        Assert.Equal("initiated", Assert.Single(handoff.Hub.Heard).Kind);
        Assert.Equal(Outcomes.Escalated, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Kind);
    }

    [Fact]
    public async Task CustomerMessages_WhileHandedOver_DoNotRunHeap()
    {
        var flow = new HeapFlow();
        using var handoff = new HandoffSetup(flow);
        await flow.SayAsync("talk to a human");

        var waiting = await flow.SayAsync("my order 4411 arrived damaged");
        await handoff.Notifier.IdleAsync();

        Assert.DoesNotContain("Just to check", waiting); // no reflection: HEAP did not hear it
        Assert.Empty(waiting); // the "still waiting" note comes at most once a minute
        Assert.Contains(handoff.Hub.Heard, h => h.Kind == "customer" && h.Activity!.Text == "my order 4411 arrived damaged");
    }

    [Fact]
    public async Task Resolve_AgentClosesCase_BotAsksForRatingAndRecordsIt()
    {
        var flow = new HeapFlow { ExpectReplies = false };
        using var handoff = new HandoffSetup(flow);
        await flow.SayAsync("my order 4411 arrived damaged and I want to speak to someone");
        var handoffCase = await handoff.CaseAsync();
        await handoff.Service.AcceptAsync(handoffCase.Id, HandoffSetup.Ana);
        Assert.Contains("this is Ana", handoff.Pushed());

        await handoff.Service.ResolveAsync(handoffCase.Id, HandoffSetup.Ana, "replacement sent; internal note");
        var question = handoff.Pushed();
        var thanks = await flow.SayAsync("4");

        Assert.Contains("Ana has marked your case as resolved", question);
        Assert.Contains("How would you rate", question);
        Assert.DoesNotContain("internal note", question);
        Assert.Contains("great to hear", thanks);
        Assert.Equal(4, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Csat);
    }

    [Fact]
    public async Task ReturnToBot_BotHearsTheNextIssue()
    {
        var flow = new HeapFlow();
        using var handoff = new HandoffSetup(flow);
        await flow.SayAsync("talk to a person");
        var handoffCase = await handoff.CaseAsync();
        await handoff.Service.AcceptAsync(handoffCase.Id, HandoffSetup.Ana);

        await handoff.Service.ReturnToBotAsync(handoffCase.Id, HandoffSetup.Ana);
        var back = handoff.Pushed();
        var reflection = await flow.SayAsync("my parcel 4402 is late");

        Assert.Contains("Ana has handed you back to me", back);
        Assert.Contains("4402", reflection);
    }

    [Fact]
    public async Task AcceptTimeout_NobodyAccepts_TicketAndCallBackOffered()
    {
        var flow = new HeapFlow();
        using var handoff = new HandoffSetup(flow, new HandoffOptions { AcceptTimeout = TimeSpan.FromMinutes(3) });
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("get me a real person");

        flow.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await handoff.Service.ExpireOverdueAsync());
        var sorry = handoff.Pushed();
        var callBack = await flow.SayAsync("Call me back");

        Assert.Contains("nobody from our team has been able to pick up your chat yet", sorry);
        Assert.Matches(@"T-\d{4}", sorry);
        Assert.Contains("Call me back", sorry);
        Assert.Contains("booked a call back", callBack);
        Assert.Single(flow.Support.Tickets); // the same ticket carries the call back
        Assert.Equal(HandoffStatus.Failed, (await handoff.CaseAsync()).Status);
    }

    [Fact]
    public async Task AcceptTimeout_ReplyHere_TicketStaysOpen()
    {
        var flow = new HeapFlow();
        using var handoff = new HandoffSetup(flow, new HandoffOptions { AcceptTimeout = TimeSpan.FromMinutes(3) });
        await flow.SayAsync("talk to a person");
        flow.Time.Advance(TimeSpan.FromMinutes(4));
        await handoff.Service.ExpireOverdueAsync();
        handoff.Pushed();

        var reply = await flow.SayAsync("Reply here");

        Assert.Matches(@"ticket T-\d{4} stays open", reply);
    }

    [Fact]
    public async Task TalkToAPerson_OutsideAgentHours_TicketNoHandoff()
    {
        var flow = new HeapFlow(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 1, 5, 10, 0, 0, TimeSpan.Zero))); // a Sunday
        using var handoff = new HandoffSetup(flow);

        var reply = await flow.SayAsync("talk to a person");

        Assert.Matches(@"T-\d{4}", reply);
        Assert.Contains("as soon as they're in", reply);
        Assert.Empty(await handoff.Service.ListAsync());
    }

    [Fact]
    public async Task UpsetAfterPolicyRefusal_ReasonIsOutsidePolicy()
    {
        var flow = new HeapFlow();
        using var handoff = new HandoffSetup(flow);
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var refusal = await flow.SayAsync("I want a refund of £500");
        Assert.Contains("not able to", refusal);

        await flow.SayAsync("This is absolutely UNACCEPTABLE. I am furious, I will take legal action!!!");

        var handoffCase = await handoff.CaseAsync();
        Assert.Equal(HandoffReasonKinds.OutsidePolicy, handoffCase.Reason.Kind);
        Assert.Contains("refused:refund", handoffCase.Context.Tried);
        Assert.NotEmpty(handoffCase.Reason.Details);
    }
}
