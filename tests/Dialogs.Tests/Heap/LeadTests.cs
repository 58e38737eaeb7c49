using SupportBot.Core.Sentiment.Mood;
using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class LeadTests
{
    [Fact]
    public async Task OutOfPolicyRequest_SaysSoAndOffersWhatPolicyAllows()
    {
        var flow = new HeapFlow { UserId = "webchat-sam" };

        await flow.SayAsync("my order 4398 arrived damaged");
        await flow.SayAsync("yes");
        var refusal = await flow.SayAsync("I want compensation for my trouble");

        Assert.Contains("I understand you'd like some compensation on top. I'm not able to do that, but what I can do is offer a replacement", refusal);
        Assert.Equal(["Replacement", "Refund", "Call me back"], flow.Transcript[^1].SuggestedActions!.Actions!.Select(a => a.Title));

        var done = await flow.SayAsync("ok, a refund then");
        Assert.Matches(@"T-\d{4}", done);
        Assert.True(Assert.Single(flow.Support.Refunds).Accepted);
        Assert.Contains("£61.99", done);
    }

    [Fact]
    public async Task RefundForSomeoneElsesOrder_NotRequestedOnTheSpot()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4398 arrived damaged");
        await flow.SayAsync("yes");
        var done = await flow.SayAsync("Refund");

        Assert.Empty(flow.Support.Refunds);
        Assert.Contains("check by our team", done);
        Assert.DoesNotContain("61.99", done);
    }

    [Fact]
    public async Task RefundOfOwnOrderAboveLimit_OfferedAlternatives()
    {
        var flow = new HeapFlow { UserId = "webchat-sam" };

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var refusal = await flow.SayAsync("Refund");

        Assert.Contains("£253.99", refusal);
        Assert.Contains("£200", refusal);
        Assert.Empty(flow.Support.Refunds);
    }

    [Fact]
    public async Task RefundAboveLimit_ExplainsLimitAndOffersAlternatives()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var refusal = await flow.SayAsync("I want a refund of $900");

        Assert.Contains("I understand you'd like a refund of $900", refusal);
        Assert.Contains("$200", refusal);
        Assert.Contains("what I can do is", refusal);
        Assert.Empty(flow.Support.Refunds);
    }

    [Fact]
    public async Task WantStatedUpFront_AllowedAction_TakenWithoutAskingAgain()
    {
        var flow = new HeapFlow();

        var reflection = await flow.SayAsync("Order 4411 came with a smashed lid, I'd like a replacement please");
        var done = await flow.SayAsync("yes");

        Assert.Contains("you'd like a replacement", reflection);
        Assert.Contains("replacement", done);
        Assert.Matches(@"T-\d{4}", done);
        Assert.Contains("within 2 days", done);
    }

    [Fact]
    public async Task FreeTextRemedy_RecognisedWithoutButtons()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var done = await flow.SayAsync("just send me a new one");

        Assert.Contains("replacement", done);
        Assert.Equal("damaged", Assert.Single(flow.Support.Tickets).Category);
    }

    [Fact]
    public async Task UnclearRemedy_ListsOptionsThenFallsBackToATicket()
    {
        var flow = new HeapFlow(sentiment: false);

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var options = await flow.SayAsync("hmm not sure");
        await flow.SayAsync("whatever");
        var done = await flow.SayAsync("dunno");

        Assert.Contains("Here's what I can do", options);
        Assert.Matches(@"T-\d{4}", done);
    }

    [Fact]
    public async Task KnowledgeFirst_AnswerSolvesIt_ResolvedFirstContactWithoutTicket()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("I can't log in to my account");
        var answer = await flow.SayAsync("yes");
        var glad = await flow.SayAsync("yes");

        Assert.Contains("reset your password", answer);
        Assert.Contains("Did that solve it?", answer);
        Assert.Contains("glad", glad);
        Assert.Empty(flow.Support.Tickets);
        Assert.Equal(Outcomes.ResolvedFirstContact, (await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property))!.Kind);
    }

    [Fact]
    public async Task KnowledgeFirst_AnswerDidNotHelp_CountsFailedResolutionAndOffersOptions()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("I can't log in to my account");
        await flow.SayAsync("yes");
        var options = await flow.SayAsync("no, that didn't help");

        Assert.Contains("What would make this right", options);
        var mood = await flow.ReadConversationStateAsync<MoodTrajectory>("mood");
        Assert.Equal(1, mood!.FailedResolutions);
    }

    [Fact]
    public async Task Callback_PromisesAgentHours()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my parcel is late");
        await flow.SayAsync("yes");
        var answer = flow.Transcript[^1].Text!;
        Assert.Contains("Did that solve it?", answer);
        await flow.SayAsync("no");
        var done = await flow.SayAsync("Call me back");

        Assert.Contains("Monday to Friday, 09:00–17:00", done);
        Assert.Contains("within 24 hours", done);
    }
}
