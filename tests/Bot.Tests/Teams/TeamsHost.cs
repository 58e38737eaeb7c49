using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Tests.DirectLine;
using SupportBot.Bot.Tests.Handoff;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>
/// The real web host with Teams as the agent hub: the Bot Connector test server stands in for Teams (it records
/// what the bot posts: new threads, cards, messages, card updates), <c>/api/messages</c> takes Teams' invokes and
/// thread messages as Teams posts them (unauthenticated mode, loopback service URL), and the customer talks over
/// Direct Line. Real clock; agent hours are set so that agents are in whenever the tests run.
/// </summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamsHost(WebApplication app, BotConnectorTestServer teams, TeamsPayloads payloads)
    {
        _app = app;
        Teams = teams;
        Payloads = payloads;
        Address = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        Customer = new DirectLineClient(Address);
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The stand-in for the Teams Bot Connector service.</summary>
    public BotConnectorTestServer Teams { get; }

    /// <summary>Teams' inbound payloads with this host's service URL and channel.</summary>
    public TeamsPayloads Payloads { get; }

    /// <summary>A Web Chat customer on Direct Line.</summary>
    public DirectLineClient Customer { get; }

    public IServiceProvider Services => _app.Services;

    public HandoffService Handoff => Services.GetRequiredService<HandoffService>();

    public static async Task<TeamsHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var teams = await BotConnectorTestServer.StartAsync();
        var payloads = TeamsPayloads.Default with { ServiceUrl = teams.ServiceUrl };
        WebApplication app;
        try
        {
            app = Program.BuildWebApp(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration.AddInMemoryCollection(Settings(teams, payloads));
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                builder.Logging.ClearProviders();
            });
            await app.StartAsync();
        }
        catch
        {
            await teams.DisposeAsync();
            throw;
        }

        return new TeamsHost(app, teams, payloads);
    }

    /// <summary>What the host needs to run Teams against the test server.</summary>
    public static Dictionary<string, string?> Settings(BotConnectorTestServer teams, TeamsPayloads payloads)
    {
        // Agents must be in: hours 01:00–23:00 every day, in a zone where it is now between those hours.
        var hour = DateTimeOffset.UtcNow.Hour;
        var zone = hour is >= 2 and <= 21 ? "UTC" : "Etc/GMT+6";
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["Channels:DirectLine:Secret"] = DirectLineTestHost.Secret,
            ["Channels:DirectLine:RateLimitPerTokenPerMinute"] = "0",
            ["Channels:DirectLine:RateLimitPerIpPerMinute"] = "0",
            ["BotFramework:AllowUnauthenticated"] = "true",
            ["BotFramework:OAuthTokenEndpoint"] = teams.TokenEndpoint,
            ["Handoff:Teams:ServiceUrl"] = teams.ServiceUrl,
            ["Handoff:Teams:ChannelId"] = payloads.ChannelId,
            ["Handoff:Teams:TenantId"] = payloads.TenantId,
            ["Policy:AgentHours:Open"] = "01:00",
            ["Policy:AgentHours:Close"] = "23:00",
            ["Policy:AgentHours:TimeZone"] = zone,
        };
        var days = Enum.GetValues<DayOfWeek>();
        for (var i = 0; i < days.Length; i++)
        {
            settings[$"Policy:AgentHours:Days:{i}"] = days[i].ToString();
        }

        return settings;
    }

    /// <summary>Posts a Teams payload to /api/messages as Teams would.</summary>
    public async Task<(int Status, JsonElement? Body)> PostFromTeamsAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Client.PostAsync("/api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Waits for the new thread the handoff starts in the support channel; answers its create call.</summary>
    public async Task<RecordedCall> WaitForThreadAsync() =>
        (await Teams.WaitForAsync(c => c.Operation == "create")).Single();

    /// <summary>Waits for a message posted into <paramref name="threadId"/> whose text contains <paramref name="fragment"/>.</summary>
    public async Task<RecordedCall> WaitForThreadMessageAsync(string threadId, string fragment) =>
        (await Teams.WaitForAsync(c => c.Operation == "send" && c.ConversationId == threadId && (c.Activity?.Text?.Contains(fragment, StringComparison.Ordinal) ?? false))).First();

    /// <summary>Escalates a new Web Chat customer by asking for a person; answers the Teams thread id and the case.</summary>
    public async Task<(string ThreadId, HandoffCase Case, RecordedCall Create)> EscalateAsync()
    {
        await Customer.StartAsync();
        await Customer.PostAsync("my order 4411 arrived with a cracked screen and I need it by Friday");
        await Customer.PostAsync("This is ridiculous. I want to talk to a real person NOW");
        await Customer.WaitForAsync("bringing in a person");
        var create = await WaitForThreadAsync();
        var handoffCase = await WaitForCaseAsync(c => c.HubData.ContainsKey("teams.conversationId"));
        return (handoffCase.HubData["teams.conversationId"], handoffCase, create);
    }

    /// <summary>Waits (generously) until the customer's case satisfies <paramref name="condition"/>.</summary>
    public async Task<HandoffCase> WaitForCaseAsync(Func<HandoffCase, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HandoffCase? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await Handoff.FindByConversationAsync("directline", Customer.ConversationId);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The case never reached the expected state; last: {last?.Status}, hub data: {string.Join(", ", last?.HubData.Keys ?? [])}");
    }

    public async ValueTask DisposeAsync()
    {
        Customer.Dispose();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Teams.DisposeAsync();
    }
}
