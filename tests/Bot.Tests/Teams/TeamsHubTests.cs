using System.Text.Json;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Connectors.BotService.Client;
using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>
/// The Teams hub through the real host (issue 6, point 3): a Web Chat customer escalates, the thread and card
/// appear on the Bot Connector test server, and Teams' invokes and thread messages are posted to
/// <c>/api/messages</c> the way Teams posts them.
/// </summary>
public sealed class TeamsHubTests
{
    [Fact]
    public async Task Handoff_StartsThreadInSupportChannelWithCaseCard()
    {
        await using var host = await TeamsHost.StartAsync();

        var (threadId, handoffCase, create) = await host.EscalateAsync();

        using var body = JsonDocument.Parse(create.Body);
        var root = body.RootElement;
        Assert.True(root.GetProperty("isGroup").GetBoolean());
        Assert.Equal(host.Payloads.ChannelId, root.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(host.Payloads.TenantId, root.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(host.Payloads.TenantId, root.GetProperty("tenantId").GetString());
        var attachment = Assert.Single(create.Activity!.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.Value.GetRawText();
        Assert.Contains($"Handoff {handoffCase.Id}", card);
        Assert.Contains("Waiting for an agent", card);
        Assert.Contains("directline", card);
        Assert.Contains("explicit-request", card);
        Assert.Contains("my order 4411 arrived with a cracked screen and I need it by Friday", card);
        Assert.Contains("\"verb\":\"accept\"", card);
        Assert.Equal(threadId, handoffCase.HubData["teams.conversationId"]);
        Assert.False(string.IsNullOrEmpty(handoffCase.HubData["teams.activityId"]));
    }

    [Fact]
    public async Task AcceptInvoke_AnswersRefreshedCardAndCustomerHearsAgent()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();

        var (status, body) = await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));

        Assert.Equal(200, status);
        Assert.Equal(200, body!.Value.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.Value.GetProperty("type").GetString());
        var card = body.Value.GetProperty("value").GetRawText();
        Assert.Contains("Accepted by Ana Souza", card);
        Assert.Contains("\"verb\":\"resolve\"", card);
        var accepted = await host.WaitForCaseAsync(c => c.Status == HandoffStatus.WithAgent);
        Assert.Equal(new AgentRef("aad-ana", "Ana Souza", AgentHubs.Teams), accepted.Agent);
        await host.Customer.WaitForAsync("Ana Souza");

        // The status change also updates the card for everyone and is noted in the thread.
        await host.Teams.WaitForAsync(c => c.Operation == "update" && c.ConversationId == threadId && c.Body.Contains("Accepted by Ana Souza", StringComparison.Ordinal));
        await host.WaitForThreadMessageAsync(threadId, "Accepted by Ana Souza");
    }

    [Fact]
    public async Task ConcurrentAccepts_OneWinsOtherCardSaysWhoHasIt()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();

        var ana = host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));
        var ben = host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ben Ortiz", "aad-ben"));
        var cards = (await Task.WhenAll(ana, ben)).Select(r => r.Body!.Value.GetProperty("value").GetRawText()).ToList();

        var winner = (await host.WaitForCaseAsync(c => c.Status == HandoffStatus.WithAgent)).Agent!;
        var loser = winner.Name == "Ana Souza" ? "Ben Ortiz" : "Ana Souza";
        Assert.All(cards, c => Assert.Contains($"Accepted by {winner.Name}", c));
        Assert.Single(cards, c => c.Contains($"{loser} clicked Accept, but {winner.Name} already has this case.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgentMessageInThread_ReachesCustomerWithoutMentionOnce()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));
        await host.Customer.WaitForAsync("Ana Souza");
        var message = host.Payloads.ThreadMessage(threadId, "<at>SupportBot</at> Hi, I'm sorry about the screen. A courier collects it tomorrow.", "Ana Souza", "aad-ana", activityId: "1700000000777");

        var first = await host.PostFromTeamsAsync(message);
        var retry = await host.PostFromTeamsAsync(message); // Teams retries with the same id

        Assert.Equal(200, first.Status);
        Assert.Equal(200, retry.Status);
        var relayed = await host.Customer.WaitForAsync("A courier collects it tomorrow.");
        Assert.Equal("Hi, I'm sorry about the screen. A courier collects it tomorrow.", relayed.GetProperty("text").GetString());
        Assert.Equal("Ana Souza", relayed.GetProperty("from").GetProperty("name").GetString());
        await Task.Delay(500);
        Assert.Single(await host.Customer.BotMessagesAsync(), m => m.GetProperty("text").GetString()!.Contains("courier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CustomerMessage_PostedIntoThread()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();

        await host.Customer.PostAsync("hello? is anyone there? [link](https://evil.example)");

        var posted = await host.WaitForThreadMessageAsync(threadId, "is anyone there?");
        Assert.Equal("plain", posted.Activity!.TextFormat);
        Assert.EndsWith(": hello? is anyone there? [link](https://evil.example)", posted.Activity.Text);
    }

    [Fact]
    public async Task MessageBeforeAccept_NotRelayedAgentToldToAccept()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        var before = (await host.Customer.BotMessagesAsync()).Count;

        var (status, _) = await host.PostFromTeamsAsync(host.Payloads.ThreadMessage(threadId, "secret internal remark", "Ben Ortiz", "aad-ben"));

        Assert.Equal(200, status);
        await host.WaitForThreadMessageAsync(threadId, "press Accept on the card first");
        Assert.Equal(before, (await host.Customer.BotMessagesAsync()).Count);
        Assert.DoesNotContain(await host.Customer.ActivitiesAsync(), a => a.GetRawText().Contains("secret internal remark", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveInvoke_ClosesWithNoteAndCustomerGetsRatingQuestion()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));

        var (status, body) = await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Resolve, handoffCase.Id, "Ana Souza", "aad-ana", note: "Courier booked, voucher sent"));

        Assert.Equal(200, status);
        var card = body!.Value.GetProperty("value").GetRawText();
        Assert.Contains("Resolved by Ana Souza", card);
        Assert.Contains("Courier booked, voucher sent", card);
        Assert.DoesNotContain("\"verb\"", card);
        var closed = await host.WaitForCaseAsync(c => c.Status == HandoffStatus.Closed);
        Assert.Equal("Courier booked, voucher sent", closed.Note);
        await host.Customer.WaitForAsync("How would you rate");
        Assert.DoesNotContain(await host.Customer.ActivitiesAsync(), a => a.GetRawText().Contains("voucher", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReturnInvoke_HandsBackToBot()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();

        var (_, body) = await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Return, handoffCase.Id, "Ana Souza", "aad-ana"));

        var card = body!.Value.GetProperty("value").GetRawText();
        Assert.Contains("Returned to the bot", card);
        Assert.DoesNotContain("\"verb\"", card);
        await host.WaitForCaseAsync(c => c.Status == HandoffStatus.ReturnedToBot);
        await host.WaitForThreadMessageAsync(threadId, "Returned to the bot by Ana Souza");
    }

    [Fact]
    public async Task ResolveByOtherAgent_RefusedCardSaysSo()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));

        var (_, body) = await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Resolve, handoffCase.Id, "Ben Ortiz", "aad-ben"));

        Assert.Contains("only the agent who accepted this case can do that", body!.Value.GetProperty("value").GetRawText());
        Assert.Equal(HandoffStatus.WithAgent, (await host.Handoff.GetAsync(handoffCase.Id))!.Status);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"explode","data":{"caseId":"H-1"}}}""", 400, "Unknown verb")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"accept","data":{"caseId":"H-999999"}}}""", 403, "does not belong to handoff case H-999999's thread")]
    public async Task BadCardAction_ErrorBody(string value, int statusCode, string message)
    {
        await using var host = await TeamsHost.StartAsync();
        var activity = TeamsPayloads.Parse(host.Payloads.CardAction(host.Payloads.ChannelId + ";messageid=1", "accept", "H-1"));
        activity.Value = JsonDocument.Parse(value).RootElement.Clone();

        var (status, body) = await host.PostFromTeamsAsync(Core.Schema.ActivityJson.Serialize(activity));

        Assert.Equal(200, status);
        Assert.Equal(statusCode, body!.Value.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.Value.GetProperty("type").GetString());
        Assert.Contains(message, body.Value.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task SupportChannelTraffic_NeverRunsAsCustomerTurn()
    {
        await using var host = await TeamsHost.StartAsync();
        var root = host.Payloads.ChannelId + ";messageid=1700000000999";

        var (status, _) = await host.PostFromTeamsAsync(host.Payloads.ThreadMessage(root, "<at>SupportBot</at> hi, I want to talk to a person"));

        Assert.Equal(200, status);
        var transcript = await host.Services.GetRequiredService<ITranscriptStore>().GetTranscriptActivitiesAsync("msteams", root);
        Assert.Empty(transcript.Activities);
        Assert.Empty(host.Teams.ActivityCalls);
    }

    [Fact]
    public async Task TeamsDownAtHandoff_ThreadStartedOnceWhenBack()
    {
        await using var host = await TeamsHost.StartAsync();
        for (var i = 0; i <= BotConnectorClient.MaxRetryAttempts; i++)
        {
            host.Teams.FailNext(503); // every attempt of the first call fails: the hub throws, the notifier retries later
        }

        var (threadId, handoffCase, _) = await host.EscalateAsync();

        var creates = host.Teams.Calls.Where(c => c.Operation == "create").ToList();
        Assert.Equal(BotConnectorClient.MaxRetryAttempts + 2, creates.Count);
        Assert.All(creates, c => Assert.Contains($"Handoff {handoffCase.Id}", c.Body));
        Assert.False(string.IsNullOrEmpty(threadId));

        // A customer message after the outage goes into that one thread.
        await host.Customer.PostAsync("still waiting...");
        await host.WaitForThreadMessageAsync(threadId, "still waiting...");
        Assert.Equal(creates.Count, host.Teams.Calls.Count(c => c.Operation == "create"));
    }

    [Fact]
    public async Task DeskAgentMessage_MirroredIntoThread()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        var desk = new AgentRef("carla", "Carla Diaz", AgentHubs.Desk);

        Assert.Equal(AcceptOutcome.Accepted, (await host.Handoff.AcceptAsync(handoffCase.Id, desk)).Outcome);
        Assert.Equal(HandoffActionOutcome.Done, await host.Handoff.SendToCustomerAsync(handoffCase.Id, desk, "Carla here, I've booked the courier."));

        var mirrored = await host.WaitForThreadMessageAsync(threadId, "Carla here, I've booked the courier.");
        Assert.StartsWith("Carla Diaz (desk) to ", mirrored.Activity!.Text);
        await host.Teams.WaitForAsync(c => c.Operation == "update" && c.ConversationId == threadId && c.Body.Contains("Accepted by Carla Diaz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsPersonalChat_IsACustomerNotAgentTraffic()
    {
        await using var host = await TeamsHost.StartAsync();
        var personal = TeamsActivities.Message("hi", host.Teams.ServiceUrl);

        var (status, _) = await host.PostFromTeamsAsync(Core.Schema.ActivityJson.Serialize(personal));

        Assert.Equal(200, status);
        var reply = await host.Teams.WaitForAsync(c => c.Operation is "send" or "reply" && c.ConversationId == personal.Conversation!.Id);
        Assert.Contains("What can I help you with today?", reply.Single().Activity!.Text);
    }

    [Fact]
    public async Task LongConversation_CardWithinTeamsLimitEarlierMessagesFollowInThread()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.Customer.StartAsync();
        var detail = " It is the blue model with the leather case and the extra charger, bought as a present." + string.Concat(Enumerable.Repeat(" Some more background on the order and the delivery.", 8));
        for (var i = 1; i <= 24; i++)
        {
            await host.Customer.PostAsync($"Detail {i:00}:{detail}");
        }

        await host.Customer.PostAsync("I want to talk to a real person please");
        var create = await host.WaitForThreadAsync();
        var handoffCase = await host.WaitForCaseAsync(c => c.HubData.ContainsKey("teams.conversationId"));
        var threadId = handoffCase.HubData["teams.conversationId"];

        Assert.True(create.Body.Length < 26_000, $"the create call is {create.Body.Length} chars");
        var card = create.Activity!.Attachments!.Single().Content!.Value.GetRawText();
        Assert.Contains("I want to talk to a real person please", card);
        Assert.Contains("did not fit on this card", card);
        var earlier = await host.WaitForThreadMessageAsync(threadId, "Earlier in the conversation:");
        Assert.Contains("Detail 01:", earlier.Activity!.Text);
        Assert.DoesNotContain("Detail 01:", card);
    }

    [Fact]
    public async Task TooLongAgentMessage_NotRelayedAgentTold()
    {
        await using var host = await TeamsHost.StartAsync(new Dictionary<string, string?> { ["Handoff:MaxAgentMessageLength"] = "50" });
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));
        await host.Customer.WaitForAsync("Ana Souza");

        var (status, _) = await host.PostFromTeamsAsync(host.Payloads.ThreadMessage(threadId, new string('x', 51), "Ana Souza", "aad-ana"));

        Assert.Equal(200, status);
        await host.WaitForThreadMessageAsync(threadId, "Not sent to the customer: the message is 51 characters long; the limit is 50.");
        Assert.DoesNotContain(await host.Customer.ActivitiesAsync(), a => a.GetRawText().Contains(new string('x', 51), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NobodyAccepts_CardShowsFailedAndThreadIsTold()
    {
        await using var host = await TeamsHost.StartAsync(new Dictionary<string, string?>
        {
            ["Handoff:AcceptTimeout"] = "00:00:02",
            ["Handoff:CheckInterval"] = "00:00:00.5",
        });
        var (threadId, handoffCase, _) = await host.EscalateAsync();

        await host.WaitForCaseAsync(c => c.Status == HandoffStatus.Failed);

        var update = await host.Teams.WaitForAsync(c => c.Operation == "update" && c.ConversationId == threadId && c.Body.Contains("Nobody accepted in time", StringComparison.Ordinal));
        Assert.Equal(handoffCase.HubData["teams.activityId"], update.Single().ActivityId);
        Assert.DoesNotContain("\"verb\"", update.Single().Body);
        await host.WaitForThreadMessageAsync(threadId, $"{handoffCase.Id}: Nobody accepted within");
    }

    [Fact]
    public async Task CardAction_FromAnotherCasesThread_Refused()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();

        var (_, body) = await host.PostFromTeamsAsync(host.Payloads.CardAction(host.Payloads.ChannelId + ";messageid=1700000000123", CaseCardVerbs.Accept, handoffCase.Id));

        Assert.Equal(403, body!.Value.GetProperty("statusCode").GetInt32());
        Assert.Equal(HandoffStatus.Waiting, (await host.Handoff.GetAsync(handoffCase.Id))!.Status);
    }

    [Fact]
    public async Task OtherTenant_CannotAcceptOrRelay()
    {
        await using var host = await TeamsHost.StartAsync();
        var (threadId, handoffCase, _) = await host.EscalateAsync();
        var stranger = host.Payloads with { TenantId = Guid.NewGuid().ToString() };

        var (_, accept) = await host.PostFromTeamsAsync(stranger.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Mallory", "aad-mallory"));
        var (status, _) = await host.PostFromTeamsAsync(stranger.ThreadMessage(threadId, "hello from elsewhere", "Mallory", "aad-mallory"));

        Assert.Equal(403, accept!.Value.GetProperty("statusCode").GetInt32());
        Assert.Equal(200, status);
        Assert.Equal(HandoffStatus.Waiting, (await host.Handoff.GetAsync(handoffCase.Id))!.Status);
        Assert.DoesNotContain(host.Teams.Calls, c => c.Body.Contains("press Accept", StringComparison.Ordinal));
        Assert.DoesNotContain(await host.Customer.ActivitiesAsync(), a => a.GetRawText().Contains("hello from elsewhere", StringComparison.Ordinal));
    }
}
