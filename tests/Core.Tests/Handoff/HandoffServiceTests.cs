using System.Text.Json;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Tests.Handoff;

public sealed class HandoffServiceTests
{
    [Fact]
    public async Task InitiateAsync_CustomerAsks_WaitingCaseAndInitiateEventWithContextAndTranscript()
    {
        using var harness = new HandoffHarness();

        var handoffCase = await harness.HandOverAsync();

        Assert.Equal("H-1001", handoffCase.Id);
        Assert.Equal(HandoffStatus.Waiting, (await harness.Service.GetAsync(handoffCase.Id))!.Status);
        var (kind, heardCase, initiate, _) = Assert.Single(harness.Hub.Heard);
        Assert.Equal("initiated", kind);
        Assert.Equal(handoffCase.Id, heardCase.Id);
        Assert.Equal(ActivityTypes.Event, initiate!.Type);
        Assert.Equal(HandoffEvents.Initiate, initiate.Name);
        Assert.Equal("c1", initiate.Conversation!.Id);
        Assert.Equal("user-1", initiate.From!.Id);
        Assert.Equal("c1", initiate.RelatesTo!.Conversation!.Id);
        Assert.False(string.IsNullOrEmpty(initiate.ReplyToId));
        var context = HandoffEvents.ReadContext(initiate)!;
        Assert.Equal("Sam", context.Customer.Name);
        Assert.Equal("test", context.Channel);
        Assert.Equal("lead", context.Stage);
        Assert.Equal("4411", context.Facts["orderNumber"]);
        Assert.Equal(["article:returns"], context.Tried);
        Assert.Equal(2, context.Mood.Points.Count);
        Assert.Contains("order 4411", context.Summary);
        Assert.Contains("Asked for a person", context.Summary);
        var transcript = HandoffEvents.ReadTranscript(initiate);
        Assert.Contains(transcript, a => a.Text == "my order 4411 arrived broken");
        Assert.Contains(transcript, a => a.Text == "bot: my order 4411 arrived broken");
        Assert.Contains(transcript, a => a.Text == "person please");
    }

    [Fact]
    public async Task InitiateAsync_TwoConversations_QueuePositionsInOrder()
    {
        using var harness = new HandoffHarness();

        await harness.HandOverAsync("c1");
        var second = await harness.HandOverAsync("c2");

        Assert.Equal(2, harness.LastInitiation!.Position);
        Assert.Equal(2, harness.LastInitiation.QueueLength);
        Assert.Equal("H-1002", second.Id);
        Assert.Equal(2, (await harness.Service.ListAsync(HandoffStatus.Waiting)).Count);
    }

    [Fact]
    public async Task CustomerMessage_WhileWaiting_ReachesHubsNotTheBot_AndStillWaitingOnlyOccasionally()
    {
        using var harness = new HandoffHarness(new HandoffOptions { StillWaitingInterval = TimeSpan.FromMinutes(1) });
        await harness.HandOverAsync();
        var botTurns = harness.BotTurns.Count;

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var first = await harness.SayAsync("hello? anyone?");
        var second = await harness.SayAsync("my number is 0123");
        await harness.Hub.WaitForAsync(3);

        Assert.Equal(botTurns, harness.BotTurns.Count);
        Assert.Contains("next in line", Assert.Single(first).Text);
        Assert.Empty(second); // not after every message
        var heard = harness.Hub.Heard.Where(h => h.Kind == "customer").Select(h => h.Text).ToList();
        Assert.Equal(["hello? anyone?", "my number is 0123"], heard);
        var transcript = (await harness.Storage.GetTranscriptActivitiesAsync("test", "c1")).Activities;
        Assert.Contains(transcript, a => a.Text == "my number is 0123");
    }

    [Fact]
    public async Task AcceptAsync_Waiting_AgentJoinsUnderOwnNameAsBotRoleAndHubsHearAccepted()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();

        var result = await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);
        await harness.Hub.WaitForAsync(2);

        Assert.Equal(AcceptOutcome.Accepted, result.Outcome);
        Assert.Equal(HandoffStatus.WithAgent, result.Case!.Status);
        Assert.Equal(HandoffHarness.Ana, result.Case.Agent);
        var joined = harness.CustomerReceived().Last();
        Assert.Contains("Ana", joined.Text);
        Assert.Equal("Ana", joined.From!.Name);
        Assert.Equal(RoleTypes.Bot, joined.From.Role);
        var status = harness.Hub.Heard.Last();
        Assert.Equal(("status", HandoffStates.Accepted), (status.Kind, status.Text));
        Assert.Equal(HandoffEvents.Status, status.Activity!.Name);
    }

    [Fact]
    public async Task AcceptAsync_SecondAgent_ToldWhoHasIt()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();

        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);
        var late = await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ben);
        var missing = await harness.Service.AcceptAsync("H-9999", HandoffHarness.Ben);

        Assert.Equal(AcceptOutcome.AlreadyTaken, late.Outcome);
        Assert.Equal(HandoffHarness.Ana, late.TakenBy);
        Assert.Equal(AcceptOutcome.NotFound, missing.Outcome);
    }

    [Fact]
    public async Task AcceptAsync_ManyAgentsAtOnce_ExactlyOneWins()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();
        var agents = Enumerable.Range(0, 16).Select(i => new AgentRef($"agent-{i}", $"Agent {i}", AgentHubs.Desk)).ToList();

        using var start = new ManualResetEventSlim(false);
        var tasks = agents.Select(a => Task.Run(async () =>
        {
            start.Wait();
            return await harness.Service.AcceptAsync(handoffCase.Id, a);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        var winner = Assert.Single(results, r => r.Outcome == AcceptOutcome.Accepted);
        Assert.All(results.Where(r => r != winner), r =>
        {
            Assert.Equal(AcceptOutcome.AlreadyTaken, r.Outcome);
            Assert.Equal(winner.Case!.Agent, r.TakenBy);
        });
        Assert.Single(harness.CustomerReceived(), a => a.Text!.Contains("from the support team", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendToCustomerAsync_AcceptingAgent_ReachesCustomerAndEveryHubMirrorsIt()
    {
        var teams = new RecordingHub(AgentHubs.Teams);
        using var harness = new HandoffHarness(null, null, new RecordingHub(), teams);
        var handoffCase = await harness.HandOverAsync();
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);

        var outcome = await harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ana, "I've sent a courier for the broken one.");
        await teams.WaitForAsync(3);

        Assert.Equal(HandoffActionOutcome.Done, outcome);
        var message = harness.CustomerReceived().Last();
        Assert.Equal("I've sent a courier for the broken one.", message.Text);
        Assert.Equal(("Ana", RoleTypes.Bot), (message.From!.Name, message.From.Role));
        Assert.Equal(["initiated", "status", "agent"], teams.Heard.Select(h => h.Kind));
        var transcript = (await harness.Storage.GetTranscriptActivitiesAsync("test", "c1")).Activities;
        Assert.Contains(transcript, a => a.Text == "I've sent a courier for the broken one.");
    }

    [Fact]
    public async Task SendToCustomerAsync_WrongAgentOrNotAccepted_Refused()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();

        var early = await harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ana, "hi");
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);
        var other = await harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ben, "hi");
        var missing = await harness.Service.SendToCustomerAsync("H-42", HandoffHarness.Ana, "hi");

        Assert.Equal(HandoffActionOutcome.NotActive, early);
        Assert.Equal(HandoffActionOutcome.NotYours, other);
        Assert.Equal(HandoffActionOutcome.NotFound, missing);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ana, "  "));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ana, new string('x', 4001)));
        Assert.DoesNotContain(harness.CustomerReceived(), a => a.Text == "hi");
    }

    [Fact]
    public async Task ResolveAsync_WithAgent_ClosedHubsHearCompletedBotTakesOver()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);

        var outcome = await harness.Service.ResolveAsync(handoffCase.Id, HandoffHarness.Ana, "Refund issued; internal: customer was rude");
        await harness.Hub.WaitForAsync(3);
        var after = await harness.SayAsync("thanks!");

        Assert.Equal(HandoffActionOutcome.Done, outcome);
        var closed = (await harness.Service.GetAsync(handoffCase.Id))!;
        Assert.Equal(HandoffStatus.Closed, closed.Status);
        Assert.Equal("Refund issued; internal: customer was rude", closed.Note);
        Assert.Equal(HandoffStatus.Closed, Assert.Single(harness.Bot.Ended).Status);
        Assert.Equal(("status", HandoffStates.Completed), (harness.Hub.Heard.Last().Kind, harness.Hub.Heard.Last().Text));
        Assert.Contains(harness.CustomerReceived(), a => a.Text == "back with the bot after Closed");
        Assert.Equal("bot: thanks!", Assert.Single(after).Text);
        Assert.DoesNotContain(harness.CustomerReceived(), a => a.Text!.Contains("rude", StringComparison.Ordinal));
        Assert.Equal(HandoffActionOutcome.NotActive, await harness.Service.ResolveAsync(handoffCase.Id, HandoffHarness.Ana));
    }

    [Fact]
    public async Task ReturnToBotAsync_OtherAgent_RefusedThenOwnerReturns()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);

        var other = await harness.Service.ReturnToBotAsync(handoffCase.Id, HandoffHarness.Ben);
        var owner = await harness.Service.ReturnToBotAsync(handoffCase.Id, HandoffHarness.Ana);
        var after = await harness.SayAsync("one more thing");

        Assert.Equal(HandoffActionOutcome.NotYours, other);
        Assert.Equal(HandoffActionOutcome.Done, owner);
        Assert.Equal(HandoffStatus.ReturnedToBot, (await harness.Service.GetAsync(handoffCase.Id))!.Status);
        Assert.Equal("bot: one more thing", Assert.Single(after).Text);
    }

    [Fact]
    public async Task ExpireOverdueAsync_NobodyAcceptsInTime_FailedHubsHearFailedCustomerToldByBot()
    {
        using var harness = new HandoffHarness(new HandoffOptions { AcceptTimeout = TimeSpan.FromMinutes(5) });
        var handoffCase = await harness.HandOverAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await harness.Service.ExpireOverdueAsync());
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.Service.ExpireOverdueAsync());
        await harness.Hub.WaitForAsync(2);

        Assert.Equal(HandoffStatus.Failed, (await harness.Service.GetAsync(handoffCase.Id))!.Status);
        Assert.Equal(("status", HandoffStates.Failed), (harness.Hub.Heard.Last().Kind, harness.Hub.Heard.Last().Text));
        Assert.Contains(harness.CustomerReceived(), a => a.Text == "back with the bot after Failed");
        Assert.Equal(AcceptOutcome.NotWaiting, (await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana)).Outcome);
        Assert.Equal(0, await harness.Service.ExpireOverdueAsync());
    }

    [Fact]
    public async Task Hub_Failing_NotificationsRetriedInOrderNothingLost()
    {
        var hub = new RecordingHub { FailuresLeft = 2 };
        using var harness = new HandoffHarness(null, null, hub);
        await harness.SayAsync("my order 4411 arrived broken");
        await harness.SayAsync("person please");
        await harness.SayAsync("are you there?");
        await harness.Notifier.IdleAsync();
        Assert.Empty(hub.Heard);

        for (var i = 0; i < 10 && hub.Heard.Count < 2; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await harness.Notifier.DispatchDueAsync();
        }

        Assert.Equal(["initiated", "customer"], hub.Heard.Select(h => h.Kind));
        Assert.Equal("are you there?", hub.Heard.Last().Text);
        await harness.Notifier.DispatchDueAsync();
        Assert.Equal(2, hub.Heard.Count); // delivered once each
    }

    [Fact]
    public async Task Customer_NeverSeesContextSummaryOrHandoffEvents()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();
        await harness.SayAsync("still broken!!");
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);
        await harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ana, "On it.");
        await harness.Service.ResolveAsync(handoffCase.Id, HandoffHarness.Ana, "verdict: goodwill refund");
        await harness.Hub.WaitForAsync(5); // initiated, customer, accepted, agent, completed

        var received = harness.CustomerReceived();
        Assert.NotEmpty(received);
        Assert.All(received, a =>
        {
            Assert.Equal(ActivityTypes.Message, a.Type);
            Assert.Null(a.Value);
            Assert.Null(a.Attachments);
            Assert.DoesNotContain(handoffCase.Context.Summary, a.Text!, StringComparison.Ordinal);
            Assert.DoesNotContain("Asked for a person", a.Text!, StringComparison.Ordinal);
            Assert.DoesNotContain("Mood:", a.Text!, StringComparison.Ordinal);
            Assert.DoesNotContain("verdict", a.Text!, StringComparison.Ordinal);
        });
        var transcript = (await harness.Storage.GetTranscriptActivitiesAsync("test", "c1")).Activities;
        Assert.DoesNotContain(transcript, a => a.Name is HandoffEvents.Initiate or HandoffEvents.Status);
    }

    [Fact]
    public async Task InitiateAsync_AlreadyHandedOver_KeepsTheCase()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();
        await harness.Service.ReturnToBotAsync(handoffCase.Id, HandoffHarness.Ana);

        var again = await harness.HandOverAsync();

        Assert.Equal("H-1002", again.Id);
        Assert.False(harness.LastInitiation!.AlreadyActive);
        Assert.Equal(again.Id, (await harness.Service.FindByConversationAsync("test", "c1"))!.Id);
    }

    [Fact]
    public async Task SetHubDataAsync_KeepsHubKeys()
    {
        using var harness = new HandoffHarness();
        var handoffCase = await harness.HandOverAsync();

        Assert.True(await harness.Service.SetHubDataAsync(handoffCase.Id, "teams.conversationId", "19:abc;messageid=1"));
        Assert.True(await harness.Service.SetHubDataAsync(handoffCase.Id, "teams.activityId", "1"));
        Assert.False(await harness.Service.SetHubDataAsync("H-4040", "x", "y"));

        var stored = (await harness.Service.GetAsync(handoffCase.Id))!;
        Assert.Equal("19:abc;messageid=1", stored.HubData["teams.conversationId"]);
        Assert.Equal("1", stored.HubData["teams.activityId"]);
        var json = JsonSerializer.Serialize(stored, HandoffJson.Options);
        Assert.Contains("\"status\":\"waiting\"", json, StringComparison.Ordinal);
    }
}
