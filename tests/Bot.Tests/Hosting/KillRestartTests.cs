using System.Text;
using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Bot.Tests.Hosting;

[Collection(ProcessCollection.Name)]
public sealed class KillRestartTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task Host_KilledMidDialogAndRestarted_ContinuesAtTheNextStepWithNoReplyLostOrDoubled()
    {
        var conversationId = TestActivities.NewConversationId();
        var sent = new List<Activity>();

        using (var first = await StartHostAsync())
        {
            HeapReplies.AssertGreeting(await SendAsync(first.Client, "hi", conversationId, sent));
            HeapReplies.AssertReflection(await SendAsync(first.Client, "my parcel arrived broken and I need it by friday", conversationId, sent), "parcel", "friday");

            first.Process.Kill();
        }

        using (var second = await StartHostAsync())
        {
            HeapReplies.AssertRemedyQuestion(await SendAsync(second.Client, "yes", conversationId, sent));
            HeapReplies.AssertRemedyTaken(await SendAsync(second.Client, "Replacement", conversationId, sent), "replacement");
            second.Process.Kill();
        }

        using var store = SqliteStorage.Open(new SqliteStorageOptions { FilePath = Path.Combine(_folder, "data", "supportbot.db") });
        var transcript = await BotTestServer.ReadTranscriptAsync(store, "test", conversationId);
        Assert.Equal(8, transcript.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal(sent[i].Id, transcript[2 * i].Id);
            Assert.Equal(sent[i].Id, transcript[(2 * i) + 1].ReplyToId);
            Assert.Single(transcript, a => a.ReplyToId == sent[i].Id);
        }

        Assert.Equal(4, transcript.Select(a => a.Id).Where((_, i) => i % 2 == 1).Distinct().Count());
    }

    public void Dispose() => RepoPaths.DeleteTempFolder(_folder);

    private Task<RunningHost> StartHostAsync() => RunningHost.StartAsync(_folder);

    private static async Task<string?> SendAsync(HttpClient client, string text, string conversationId, List<Activity> sent)
    {
        var activity = TestActivities.Message(text, conversationId);
        sent.Add(activity);
        using var response = await client.PostAsync("/api/messages", new StringContent(ActivityJson.Serialize(activity), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var replies = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), CoreJsonContext.Default.ExpectedReplies)!;
        return Assert.Single(replies.Activities).Text;
    }
}
