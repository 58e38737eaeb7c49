using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class HappyPathTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DamagedOrder_HearEmpathizeLeadProvide_EndsWithTicketReferenceAndTimeFrame()
    {
        var flow = new HeapFlow();

        var reflection = await flow.SayAsync("Hi, my order 4411 arrived with a cracked screen and I need it working before Friday");
        output.WriteLine(reflection);
        Assert.Contains("4411", reflection);
        Assert.Contains("cracked screen", reflection);
        Assert.Contains("before Friday", reflection, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("Is that right?", reflection);

        var lead = await flow.SayAsync("yes");
        output.WriteLine(lead);
        Assert.Matches("(?i)sorry|apolog", lead);
        Assert.Contains("What would make this right for you?", lead);
        var offered = flow.Transcript[^1].SuggestedActions!.Actions!.Select(a => a.Title).ToList();
        Assert.Equal(["Replacement", "Refund", "Call me back"], offered);

        var commitment = await flow.SayAsync("Replacement");
        output.WriteLine(commitment);
        Assert.Matches(@"T-\d{4}", commitment);
        Assert.Contains("within 2 days", commitment);
        var ticket = Assert.Single(flow.Support.Tickets);
        Assert.Equal("damaged", ticket.Category);
        Assert.Equal("4411", ticket.OrderNumber);
        Assert.Equal(TimeSpan.FromHours(48), ticket.DueAt - ticket.CreatedAt);

        var outcome = await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property);
        Assert.Equal(Outcomes.AwaitingFollowUp, outcome!.Kind);

        var bye = await flow.SayAsync("no that's all, thanks");
        output.WriteLine(bye);
        Assert.DoesNotContain("sorry", bye, StringComparison.OrdinalIgnoreCase);
    }
}
