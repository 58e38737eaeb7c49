using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Api;

public sealed class DuplicateDeliveryTests
{
    [Fact]
    public async Task PostMessages_SameActivityTwiceConcurrently_RunsOneTurnAndBothGetItsReplies()
    {
        await using var server = await BotTestServer.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var body = ActivityJson.Serialize(TestActivities.Message("hi", conversationId, id: "retried-1"));

        var responses = await Task.WhenAll(server.PostAsync(body), server.PostAsync(body));

        var replies = new List<List<Activity>>();
        foreach (var response in responses)
        {
            using (response)
            {
                response.EnsureSuccessStatusCode();
                replies.Add(JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), CoreJsonContext.Default.ExpectedReplies)!.Activities);
            }
        }

        var first = Assert.Single(replies[0]);
        var second = Assert.Single(replies[1]);
        HeapReplies.AssertGreeting(first.Text);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Text, second.Text);

        var transcript = await server.TranscriptAsync("test", conversationId);
        Assert.Single(transcript, a => a.Id == "retried-1");
        Assert.Single(transcript, a => a.ReplyToId == "retried-1");
        Assert.Equal(2, transcript.Count);
    }

    [Fact]
    public async Task PostMessages_SameActivityAgainAfterTheDialogMoved_DoesNotAdvanceTheDialog()
    {
        await using var server = await BotTestServer.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var hi = TestActivities.Message("hi", conversationId, id: "m1");
        await server.SendAsync(hi);
        await server.SendAsync(TestActivities.Message("my parcel arrived broken", conversationId, id: "m2"));

        var again = await server.SendAsync(hi);

        HeapReplies.AssertGreeting(Assert.Single(again).Text);
        HeapReplies.AssertRemedyQuestion(await server.SendTextAsync("yes", conversationId));
    }
}
