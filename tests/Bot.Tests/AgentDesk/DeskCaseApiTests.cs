using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>
/// The desk's queue and case API against the real host: a Web Chat customer (Direct Line API) asks for a person,
/// agents accept, talk, resolve and return through <c>/agent/api</c> (issue 6, point 4).
/// </summary>
public sealed class DeskCaseApiTests
{
    private const string AskForPerson = "I want to talk to a person";

    [Fact]
    public async Task Queue_CustomerAsksForPerson_WaitingCaseWithReasonChannelAndCustomer()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        using var customer = await host.CustomerAsync();
        await customer.PostAsync("my order 4411 arrived with a cracked screen", name: "Sam Rivera");

        await customer.PostAsync(AskForPerson, name: "Sam Rivera");

        await customer.WaitForAsync("bringing in a person");
        var item = Assert.Single(await QueueAsync(ana));
        Assert.Matches("^H-\\d+$", item.GetProperty("id").GetString());
        Assert.Equal("waiting", item.GetProperty("status").GetString());
        Assert.Equal(HandoffReasonKinds.ExplicitRequest, item.GetProperty("reasonKind").GetString());
        Assert.Equal("directline", item.GetProperty("channel").GetString());
        Assert.StartsWith("Sam", item.GetProperty("customer").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("agent").ValueKind);

        var detail = await CaseAsync(ana, item.GetProperty("id").GetString()!);
        var context = detail.GetProperty("context");
        Assert.Contains(context.GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetString() == "4411");
        Assert.False(string.IsNullOrEmpty(context.GetProperty("summary").GetString()));
        Assert.NotEqual(0, context.GetProperty("mood").GetArrayLength());
        var transcript = detail.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Contains(transcript, m => m.GetProperty("role").GetString() == "customer" && m.GetProperty("text").GetString() == "my order 4411 arrived with a cracked screen");
        Assert.Contains(transcript, m => m.GetProperty("role").GetString() == "bot");
        ana.Dispose();
    }

    [Fact]
    public async Task Accept_TwoAgentsAtOnce_OneWinsTheOtherLearnsWhoHasIt()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        var (ben, _) = await host.SignInAsync("ben", DeskTestHost.BenPassword);
        var id = await HandOverAsync(host, ana);

        var responses = await Task.WhenAll(PostAsync(ana, $"/agent/api/cases/{id}/accept"), PostAsync(ben, $"/agent/api/cases/{id}/accept"));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var winnerName = (await JsonAsync(winner)).GetProperty("case").GetProperty("agent").GetProperty("name").GetString();
        var error = (await JsonAsync(loser)).GetProperty("error");
        Assert.Equal("AlreadyTaken", error.GetProperty("code").GetString());
        Assert.Equal($"{winnerName} already has {id}.", error.GetProperty("message").GetString());
        Assert.Equal("withAgent", (await CaseAsync(ana, id)).GetProperty("case").GetProperty("status").GetString());
        ana.Dispose();
        ben.Dispose();
    }

    [Fact]
    public async Task Send_AfterAccept_ReachesCustomerAndTranscriptShowsAgentLine()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        using var customer = await host.CustomerAsync();
        var id = await HandOverAsync(host, ana, customer);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ana, $"/agent/api/cases/{id}/accept")).StatusCode);
        await customer.WaitForAsync("this is Ana Lopez");

        using var sent = await PostAsync(ana, $"/agent/api/cases/{id}/messages", """{"text":"I'm sorry about the screen. A courier collects it tomorrow."}""");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reply = await customer.WaitForAsync("A courier collects it tomorrow.");
        Assert.Equal("Ana Lopez", reply.Name);
        await customer.PostAsync("great, what time?");
        var transcript = await WaitForTranscriptAsync(ana, id, t => t.Any(m => m.GetProperty("text").GetString() == "great, what time?"));
        Assert.Contains(transcript, m => m.GetProperty("role").GetString() == "agent" && m.GetProperty("name").GetString() == "Ana Lopez" && m.GetProperty("text").GetString()!.Contains("courier", StringComparison.Ordinal));
        ana.Dispose();
    }

    [Fact]
    public async Task Actions_WrongStateOrAgentOrBody_ClearErrors()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        var (ben, _) = await host.SignInAsync("ben", DeskTestHost.BenPassword);
        var id = await HandOverAsync(host, ana);

        await AssertErrorAsync(await PostAsync(ana, $"/agent/api/cases/{id}/messages", """{"text":"hello"}"""), HttpStatusCode.Conflict, "NotAccepted");
        await AssertErrorAsync(await PostAsync(ana, "/agent/api/cases/H-999999/accept"), HttpStatusCode.NotFound, "NotFound");
        await AssertErrorAsync(await ana.GetAsync("/agent/api/cases/H-999999"), HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ana, $"/agent/api/cases/{id}/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ana, $"/agent/api/cases/{id}/accept")).StatusCode); // a double click
        await AssertErrorAsync(await PostAsync(ben, $"/agent/api/cases/{id}/messages", """{"text":"hello"}"""), HttpStatusCode.Forbidden, "NotYours");
        await AssertErrorAsync(await PostAsync(ben, $"/agent/api/cases/{id}/resolve"), HttpStatusCode.Forbidden, "NotYours");
        await AssertErrorAsync(await PostAsync(ana, $"/agent/api/cases/{id}/messages", """{"text":"   "}"""), HttpStatusCode.BadRequest, "EmptyMessage");
        await AssertErrorAsync(await PostAsync(ana, $"/agent/api/cases/{id}/messages", "{\"text\":"), HttpStatusCode.BadRequest, "InvalidJson");
        await AssertErrorAsync(await PostAsync(ana, $"/agent/api/cases/{id}/messages", JsonSerializer.Serialize(new { text = new string('x', 4001) })), HttpStatusCode.BadRequest, "MessageTooLong");
        await AssertErrorAsync(await PostAsync(ana, $"/agent/api/cases/{id}/messages", json: null), HttpStatusCode.BadRequest, "MissingBody");

        // Without the antiforgery header (a cross-site form or script would have only the cookie).
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/cases/{id}/resolve") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        forged.Headers.Add("X-CSRF-Token", "forged");
        await AssertErrorAsync(await ana.SendAsync(forged), HttpStatusCode.BadRequest, "AntiforgeryTokenInvalid");
        Assert.Equal("withAgent", (await CaseAsync(ana, id)).GetProperty("case").GetProperty("status").GetString());
        ana.Dispose();
        ben.Dispose();
    }

    [Fact]
    public async Task Resolve_BotAsksTheRatingQuestion_CaseLeavesTheQueue()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        using var customer = await host.CustomerAsync();
        var id = await HandOverAsync(host, ana, customer);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ana, $"/agent/api/cases/{id}/accept")).StatusCode);

        using var resolved = await PostAsync(ana, $"/agent/api/cases/{id}/resolve", """{"note":"courier booked"}""");

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("closed", (await JsonAsync(resolved)).GetProperty("case").GetProperty("status").GetString());
        await customer.WaitForAsync("How would you rate the help you got");
        Assert.Empty(await QueueAsync(ana));
        Assert.DoesNotContain(await customer.BotMessagesAsync(), m => m.Text.Contains("courier booked", StringComparison.Ordinal));
        await AssertErrorAsync(await PostAsync(ana, $"/agent/api/cases/{id}/messages", """{"text":"one more thing"}"""), HttpStatusCode.Conflict, "NotActive");
        ana.Dispose();
    }

    [Fact]
    public async Task Return_BotAnswersAgain()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        using var customer = await host.CustomerAsync();
        var id = await HandOverAsync(host, ana, customer);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ana, $"/agent/api/cases/{id}/accept")).StatusCode);

        using var returned = await PostAsync(ana, $"/agent/api/cases/{id}/return");

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("returnedToBot", (await JsonAsync(returned)).GetProperty("case").GetProperty("status").GetString());
        await customer.WaitForAsync("has handed you back to me");
    }

    [Fact]
    public async Task Events_CustomerWritesDuringHandoff_MessageEventWithExactText()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (ana, _) = await host.SignInAsync();
        using var customer = await host.CustomerAsync();
        var id = await HandOverAsync(host, ana, customer);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await ana.GetAsync("/agent/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("hello", (await NextEventAsync(reader, timeout.Token)).Event);
        const string Payload = "<script>alert('x')</script> & <b>bold</b>";

        await customer.PostAsync(Payload);

        var (name, data) = await NextEventAsync(reader, timeout.Token, skip: "queue");
        Assert.Equal("message", name);
        var message = JsonDocument.Parse(data).RootElement;
        Assert.Equal(id, message.GetProperty("caseId").GetString());
        Assert.Equal("customer", message.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal(Payload, message.GetProperty("message").GetProperty("text").GetString());
        ana.Dispose();
    }

    [Fact]
    public async Task DeskOff_NoHub_EscalationFallsBackToTicket()
    {
        var settings = DeskTestHost.HandoffSettings();
        await using var server = await Infrastructure.BotTestServer.StartAsync(settings);
        using var customer = await DeskCustomer.StartAsync(server.Client.BaseAddress!);

        await customer.PostAsync(AskForPerson);

        var reply = await customer.WaitForAsync("ticket");
        Assert.Matches(@"T-\d+", reply.Text);
        Assert.Empty(await server.Services.GetRequiredService<HandoffService>().ListAsync());
    }

    /// <summary>A customer asks for a person; answers the case id once the queue shows it.</summary>
    private static async Task<string> HandOverAsync(DeskTestHost host, HttpClient agent, DeskCustomer? customer = null)
    {
        var own = customer is null;
        customer ??= await host.CustomerAsync();
        try
        {
            await customer.PostAsync("my order 4411 arrived with a cracked screen");
            await customer.PostAsync(AskForPerson);
            await customer.WaitForAsync("bringing in a person");
            var queue = await QueueAsync(agent);
            return queue.Last().GetProperty("id").GetString()!;
        }
        finally
        {
            if (own)
            {
                customer.Dispose();
            }
        }
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient agent) =>
        JsonDocument.Parse(await agent.GetStringAsync("/agent/api/queue")).RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();

    private static async Task<JsonElement> CaseAsync(HttpClient agent, string id) =>
        JsonDocument.Parse(await agent.GetStringAsync($"/agent/api/cases/{id}")).RootElement.Clone();

    private static async Task<List<JsonElement>> WaitForTranscriptAsync(HttpClient agent, string id, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var transcript = (await CaseAsync(agent, id)).GetProperty("transcript").EnumerateArray().ToList();
            if (done(transcript) || DateTime.UtcNow > deadline)
            {
                return transcript;
            }

            await Task.Delay(100);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient agent, string path, string? json = "{}") =>
        agent.PostAsync(path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {body}");
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
    }

    private static async Task<(string Event, string Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken, string? skip = null)
    {
        while (true)
        {
            string? name = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line && line.Length > 0)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line["data: ".Length..]);
                }
            }

            if (name != "ping" && name != skip)
            {
                return (name ?? "message", string.Join("\n", data));
            }
        }
    }
}
