using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class PolicyTests
{
    [Fact]
    public async Task TwoPolicies_SameConversation_DifferentOffersAndPromises()
    {
        var generous = HeapFlow.DefaultPolicy();
        var strict = HeapFlow.DefaultPolicy();
        strict.BrandName = "Strict Shop";
        strict.Issues[IssueTypes.Damaged] = new IssuePolicy { Actions = [HeapActions.Callback, HeapActions.Ticket], SlaHours = 120 };

        var a = await OffersAsync(new HeapFlow(generous));
        var b = await OffersAsync(new HeapFlow(strict));

        Assert.Equal(["Replacement", "Refund", "Call me back"], a.Offers);
        Assert.Equal(["Call me back", "Investigate it"], b.Offers);
        Assert.Contains("within 2 days", a.Commitment);
        Assert.Contains("within 5 days", b.Commitment);
    }

    [Fact]
    public async Task StrictPolicy_ReplacementAsked_IsOutOfPolicy()
    {
        var strict = HeapFlow.DefaultPolicy();
        strict.Issues[IssueTypes.Damaged] = new IssuePolicy { Actions = [HeapActions.Callback], SlaHours = 24 };
        var flow = new HeapFlow(strict);

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var refusal = await flow.SayAsync("Replacement");

        Assert.Contains("I understand you'd like a replacement. I'm not able to do that, but what I can do is offer a call back", refusal);
    }

    [Fact]
    public async Task LowerRefundLimit_SameRequest_NowAboveLimit()
    {
        var policy = HeapFlow.DefaultPolicy();
        policy.RefundLimit = 20;
        var flow = new HeapFlow(policy);

        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var refusal = await flow.SayAsync("a refund of $50 please");

        Assert.Contains("$20", refusal);
    }

    [Fact]
    public void Validate_BadValues_NameTheKeys()
    {
        var policy = new ServicePolicyOptions { RefundLimit = -1, Currency = "dollars" };
        policy.Issues["damaged"] = new IssuePolicy { Actions = ["teleport"], SlaHours = 0 };
        policy.AgentHours.Open = "9am";

        var errors = string.Join("\n", policy.Validate());

        Assert.Contains("Policy:RefundLimit", errors);
        Assert.Contains("Policy:Currency", errors);
        Assert.Contains("Policy:Issues:other", errors);
        Assert.Contains("Policy:Issues:damaged:SlaHours", errors);
        Assert.Contains("Policy:Issues:damaged:Actions has the unknown action 'teleport'", errors);
        Assert.Contains("Policy:AgentHours:Open", errors);
    }

    [Fact]
    public void Defaults_AreValid() => Assert.Empty(HeapFlow.DefaultPolicy().Validate());

    private static async Task<(List<string> Offers, string Commitment)> OffersAsync(HeapFlow flow)
    {
        await flow.SayAsync("my order 4411 arrived damaged");
        await flow.SayAsync("yes");
        var offers = flow.Transcript[^1].SuggestedActions!.Actions!.Select(a => a.Title!).ToList();
        var commitment = await flow.SayAsync(offers[0]);
        return (offers, commitment);
    }
}
