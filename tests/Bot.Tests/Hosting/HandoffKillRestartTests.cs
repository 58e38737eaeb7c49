using System.Text;
using System.Text.Json;
using SupportBot.Bot.AgentDesk;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Handoff;
using SupportBot.Core.Handoff.Sqlite;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Hosting;

/// <summary>A handoff survives the host being killed (SIGKILL): the case, and the conversation's routing to the agents.</summary>
[Collection(ProcessCollection.Name)]
public sealed class HandoffKillRestartTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task Host_KilledWhileWaitingForAnAgent_RestartedHostStillRoutesTheCustomerToTheAgents()
    {
        await AvoidMidnightAsync();
        var conversationId = TestActivities.NewConversationId();
        var hash = AgentPasswords.Hash("correct horse battery staple");

        using (var first = await StartHostAsync(hash))
        {
            var promise = await SendAsync(first.Client, "I want to talk to a person", conversationId);
            Assert.Contains("bringing in a person", promise);
            Assert.Contains("You're next in line", promise);
            first.Process.Kill();
        }

        string caseId;
        using (var store = SqliteHandoffStore.OpenFile(DatabasePath))
        {
            var handoffCase = await store.FindByConversationAsync("test", conversationId);
            Assert.Equal(HandoffStatus.Waiting, handoffCase!.Status);
            Assert.Equal(HandoffReasonKinds.ExplicitRequest, handoffCase.Reason.Kind);
            caseId = handoffCase.Id;
        }

        using (var second = await StartHostAsync(hash))
        {
            // Handoff:StillWaitingInterval is 0 here, so every message while waiting gets the note: HEAP does not run.
            var waiting = await SendAsync(second.Client, "my order 4411 arrived with a cracked screen", conversationId);
            Assert.Contains("You're next in line", waiting);
            Assert.DoesNotContain("4411", waiting);
            second.Process.Kill();
        }

        using var reopened = SqliteHandoffStore.OpenFile(DatabasePath);
        Assert.Equal(caseId, (await reopened.FindByConversationAsync("test", conversationId))!.Id);
        Assert.Single(await reopened.ListAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        RepoPaths.DeleteTempFolder(_folder);
    }

    private string DatabasePath => Path.Combine(_folder, "data", "supportbot.db");

    /// <summary>Agent hours here are every day 00:00–23:59 UTC (a child process has the real clock): skip the last minute.</summary>
    private static async Task AvoidMidnightAsync()
    {
        var now = DateTime.UtcNow.TimeOfDay;
        if (now >= new TimeSpan(23, 57, 0))
        {
            await Task.Delay(TimeSpan.FromHours(24) - now + TimeSpan.FromSeconds(5));
        }
    }

    private Task<RunningHost> StartHostAsync(string hash) => RunningHost.StartAsync(
        _folder,
        [
            "--Handoff:StillWaitingInterval=00:00:00",
            "--Policy:AgentHours:Open=00:00",
            "--Policy:AgentHours:Close=23:59",
            "--Policy:AgentHours:TimeZone=UTC",
            .. Enum.GetValues<DayOfWeek>().SelectMany((d, i) => new[] { $"--Policy:AgentHours:Days:{i}={d}" }),
            "--AgentDesk:Agents:0:Id=ana",
            "--AgentDesk:Agents:0:Name=Ana",
            $"--AgentDesk:Agents:0:PasswordHash={hash}",
        ]);

    private static async Task<string> SendAsync(HttpClient client, string text, string conversationId)
    {
        var activity = TestActivities.Message(text, conversationId);
        using var response = await client.PostAsync("/api/messages", new StringContent(ActivityJson.Serialize(activity), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var replies = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), CoreJsonContext.Default.ExpectedReplies)!;
        return string.Join("\n", replies.Activities.Select(a => a.Text));
    }
}
