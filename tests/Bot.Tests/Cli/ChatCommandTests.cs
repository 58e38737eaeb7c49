using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Cli;

[Collection(ProcessCollection.Name)]
public sealed class ChatCommandTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task Chat_StdinLines_WritesOnlyActivityJsonLinesAndContinuesWithConversationId()
    {
        using var first = BotProcess.Start(_folder, ["chat"], redirectInput: true);
        Assert.Equal(0, await first.RunToEndAsync("hi\nmy parcel arrived broken and I need it by friday\n"));

        var replies = ParseActivities(first.Stdout);
        Assert.Equal(2, replies.Count);
        HeapReplies.AssertGreeting(replies[0].Text);
        HeapReplies.AssertReflection(replies[1].Text, "parcel", "friday");
        var conversationId = replies[0].Conversation?.Id;
        Assert.Contains($"Conversation: {conversationId}", first.Stderr);

        using var second = BotProcess.Start(_folder, ["chat", "--conversation", conversationId!], redirectInput: true);
        Assert.Equal(0, await second.RunToEndAsync("yes\nReplacement\n"));

        var more = ParseActivities(second.Stdout);
        Assert.Equal(2, more.Count);
        HeapReplies.AssertRemedyQuestion(more[0].Text);
        HeapReplies.AssertRemedyTaken(more[1].Text, "replacement");
        Assert.All(more, a => Assert.Equal(conversationId, a.Conversation?.Id));
    }

    [Fact]
    public async Task Chat_BadStorageProvider_ExitsNonZeroNamingTheKey()
    {
        using var chat = BotProcess.Start(_folder, ["chat", "--Storage:Provider=Nope"], redirectInput: true);

        Assert.NotEqual(0, await chat.RunToEndAsync("hi\n"));

        Assert.Contains("Storage:Provider", chat.Stderr);
        Assert.Empty(chat.Stdout);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>Every line of standard output must be one Activity JSON object and nothing else.</summary>
    private static List<Activity> ParseActivities(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        return lines.Select(line =>
        {
            var activity = ActivityJson.Deserialize(line);
            ActivityJson.Validate(activity);
            Assert.Equal("console", activity.ChannelId);
            return activity;
        }).ToList();
    }
}
