using System.Text.Json;
using SupportBot.Bot.Tests.DirectLine;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Tests.Handoff;

/// <summary>The handoff through the real host: a Direct Line (web chat) customer, the HEAP bot, a test agent hub.</summary>
public sealed class HandoffRelayTests
{
    private static readonly AgentRef Ana = new("ana", "Ana", AgentHubs.Desk);

    [Fact]
    public async Task Escalation_AgentAcceptsAndReplies_ReachesTheWebChatCustomerThenResolveAsksForRating()
    {
        await using var host = await HandoffHost.StartAsync();
        var customer = host.DirectLine;
        await customer.StartAsync();

        await customer.PostAsync("my order 4411 arrived with a cracked screen");
        await customer.PostAsync("I want to talk to a person");
        var promise = await customer.WaitForAsync("bringing in a person");
        var (_, handoffCase, initiate, _) = await host.Hub.WaitForAsync("initiated");

        Assert.Contains("next in line", promise.GetProperty("text").GetString());
        Assert.Equal(HandoffEvents.Initiate, initiate!.Name);
        Assert.Equal("directline", handoffCase.ChannelId);
        Assert.Equal(customer.ConversationId, handoffCase.ConversationId);
        Assert.Contains(HandoffEvents.ReadTranscript(initiate), a => a.Text == "my order 4411 arrived with a cracked screen");
        Assert.Equal("4411", handoffCase.Context.Facts["orderNumber"]);
        Assert.Equal(HandoffReasonKinds.ExplicitRequest, handoffCase.Reason.Kind);

        Assert.Equal(AcceptOutcome.Accepted, (await host.Handoff.AcceptAsync(handoffCase.Id, Ana)).Outcome);
        await customer.WaitForAsync("this is Ana");
        Assert.Equal(HandoffActionOutcome.Done, await host.Handoff.SendToCustomerAsync(handoffCase.Id, Ana, "Sorry about the screen, Sam. A courier collects it tomorrow."));
        var relayed = await customer.WaitForAsync("A courier collects it tomorrow.");
        Assert.Equal("Ana", relayed.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("bot", relayed.GetProperty("from").GetProperty("role").GetString());

        var botMessagesBefore = (await customer.BotMessagesAsync()).Count;
        var questionId = await customer.PostAsync("great, what time tomorrow?");
        await host.Hub.WaitForAsync("customer", t => t == "great, what time tomorrow?");
        Assert.Equal(botMessagesBefore, (await customer.BotMessagesAsync()).Count); // the bot stays quiet while the agent has it
        Assert.DoesNotContain(await customer.BotMessagesAsync(), m => m.TryGetProperty("replyToId", out var r) && r.GetString() == questionId);

        Assert.Equal(HandoffActionOutcome.Done, await host.Handoff.ResolveAsync(handoffCase.Id, Ana, "internal: courier booked, goodwill voucher"));
        await customer.WaitForAsync("How would you rate");
        await host.Hub.WaitForAsync("status", s => s == HandoffStates.Completed);
        await customer.PostAsync("5");
        await customer.WaitForAsync("great to hear");

        var everything = JsonSerializer.Serialize(await customer.ActivitiesAsync());
        Assert.DoesNotContain(handoffCase.Context.Summary, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("handoff.", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("goodwill voucher", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("explicit-request", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WhileWaiting_CustomerMessagesStillGoToAgentsAndAcceptWorks()
    {
        var folder = RepoPaths.NewTempFolder();
        var settings = DirectLineTestHost.Sqlite(folder);
        string caseId;
        DirectLineClient customer;
        await using (var first = await HandoffHost.StartAsync(settings))
        {
            customer = first.DirectLine;
            await customer.StartAsync();
            await customer.PostAsync("talk to a human please");
            caseId = (await first.Hub.WaitForAsync("initiated")).Case.Id;
        }

        await using var second = await HandoffHost.StartAsync(settings);
        using var again = customer.On(second);
        var before = (await again.BotMessagesAsync()).Count;
        await again.PostAsync("hello? still there?");
        var routed = await second.Hub.WaitForAsync("customer", t => t == "hello? still there?");

        Assert.Equal(caseId, routed.Case.Id);
        Assert.Equal(HandoffStatus.Waiting, (await second.Handoff.GetAsync(caseId))!.Status);
        Assert.Equal(AcceptOutcome.Accepted, (await second.Handoff.AcceptAsync(caseId, Ana)).Outcome);
        await again.WaitForAsync("this is Ana");
        Assert.DoesNotContain((await again.BotMessagesAsync()).Skip(before), m => m.GetProperty("text").GetString()!.Contains("tell me what happened", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AcceptTimeout_NobodyAccepts_CustomerToldAndOfferedCallBackOrTicket()
    {
        await using var host = await HandoffHost.StartAsync(new Dictionary<string, string?>
        {
            ["Handoff:AcceptTimeout"] = "00:02:00",
            ["Handoff:CheckInterval"] = "00:00:10",
        });
        var customer = host.DirectLine;
        await customer.StartAsync();
        await customer.PostAsync("my parcel 4402 is late and I want to speak to an agent");
        var (_, handoffCase, _, _) = await host.Hub.WaitForAsync("initiated");
        var promise = await customer.WaitForAsync("bringing in a person");
        Assert.Contains("within 2 minutes", promise.GetProperty("text").GetString());

        for (var i = 0; i < 20 && (await host.Handoff.GetAsync(handoffCase.Id))!.Status == HandoffStatus.Waiting; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(10)); // the background check runs on the injected clock
            await Task.Delay(100);
        }

        var sorry = await customer.WaitForAsync("nobody from our team has been able to pick up");
        Assert.Matches(@"T-\d{4}", sorry.GetProperty("text").GetString());
        await host.Hub.WaitForAsync("status", s => s == HandoffStates.Failed);
        Assert.Equal(HandoffStatus.Failed, (await host.Handoff.GetAsync(handoffCase.Id))!.Status);

        await customer.PostAsync("Call me back");
        await customer.WaitForAsync("booked a call back");
    }

    [Fact]
    public async Task Escalation_OutsideAgentHours_TicketAndFollowUpPromiseNoHandoff()
    {
        var sunday = new DateTimeOffset(2025, 1, 5, 12, 0, 0, TimeSpan.Zero);
        await using var host = await HandoffHost.StartAsync(now: sunday);
        var customer = host.DirectLine;
        await customer.StartAsync();

        await customer.PostAsync("I want to talk to a person");
        var reply = await customer.WaitForAsync("person from our team");

        Assert.Matches(@"T-\d{4}", reply.GetProperty("text").GetString());
        Assert.Contains("as soon as they're in", reply.GetProperty("text").GetString());
        Assert.Empty(await host.Handoff.ListAsync());
        Assert.Empty(host.Hub.Heard);
    }
}
