using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class FollowUpTests
{
    [Fact]
    public async Task TicketResolved_ProactiveMessageThenCsatStored()
    {
        var flow = new HeapFlow();
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        await flow.SayAsync("Replacement");
        var ticket = Assert.Single(flow.Support.Tickets).Reference;

        var sent = await flow.ResolveTicketAsync(ticket, "Your replacement was delivered today");

        var message = Assert.Single(sent);
        Assert.Contains(ticket, message.Text);
        Assert.Contains("resolved", message.Text);
        Assert.Contains("1 (poor) to 5 (excellent)", message.Text);
        Assert.Equal(flow.ConversationId, message.Conversation!.Id);
        Assert.Equal(5, message.SuggestedActions!.Actions!.Count);

        var thanks = await flow.SayAsync("5");
        Assert.Contains("Thank you", thanks);
        var outcome = await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property);
        Assert.Equal(Outcomes.ResolvedAfterFollowUp, outcome!.Kind);
        Assert.Equal(5, outcome.Csat);
        Assert.Equal(SupportBot.Core.Support.Tickets.TicketStatus.Resolved, (await flow.Support.TicketService.GetAsync(flow.Support.Tickets[0].Reference))!.Status);
    }

    [Fact]
    public async Task Csat_NotANumber_AsksOnceMoreThenMovesOn()
    {
        var flow = new HeapFlow();
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        await flow.SayAsync("Replacement");
        await flow.ResolveTicketAsync(flow.Support.Tickets[0].Reference, "Delivered");

        var again = await flow.SayAsync("🙂");
        var rated = await flow.SayAsync("four");

        Assert.Contains("1 to 5", again);
        Assert.Contains("Thank you", rated);
        Assert.Equal(4, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Csat);
    }

    [Fact]
    public async Task Csat_NewProblemInstead_IsHeard()
    {
        var flow = new HeapFlow();
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        await flow.SayAsync("Replacement");
        await flow.ResolveTicketAsync(flow.Support.Tickets[0].Reference, "Delivered");

        var reflection = await flow.SayAsync("actually my order 4402 is missing a charger");

        Assert.Contains("4402", reflection);
        Assert.EndsWith("Is that right?", reflection);
    }

    [Fact]
    public async Task Csat_AskForAPersonInstead_Escalates()
    {
        var flow = new HeapFlow();
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        await flow.SayAsync("Replacement");
        await flow.ResolveTicketAsync(flow.Support.Tickets[0].Reference, "Delivered");

        var handoff = await flow.SayAsync("it still isn't right, I want to talk to a person");

        Assert.Contains("person from our team", handoff);
    }

    [Fact]
    public async Task InactiveMidCase_RecordedAsAbandoned()
    {
        var flow = new HeapFlow();
        await flow.SayAsync("my order 4411 arrived damaged");

        flow.Time.Advance(TimeSpan.FromHours(2));
        await flow.SayAsync("hello");

        Assert.Equal(Outcomes.Abandoned, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Kind);
    }
}
