using SupportBot.Bot.Tests.Conversations.Infrastructure;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>
/// A few scripted conversations through the real <c>chat</c> verb in a child process (the in-process
/// <see cref="ChatSession"/> runs the other scripts on the same composition, much faster).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ChatProcessConversationTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task ChatVerb_DamagedOrder_EndsWithReferenceAndTimeFrame()
    {
        var transcript = await RunAsync("hi", "my order 4411 arrived with a cracked screen and I need it by Friday", "yes", "Replacement");

        Expect.Reflected(transcript, 1, "4411", "cracked screen");
        Expect.OptionsOffered(transcript);
        Expect.Commitment(transcript);
        Expect.ApologisedOnceEach(transcript);
    }

    [Fact]
    public async Task ChatVerb_OpeningHours_DirectAnswerWithoutApology()
    {
        var transcript = await RunAsync("What are your opening hours?");

        Expect.AnsweredFromKnowledge(transcript, 0);
        Expect.NoApology(transcript);
    }

    [Fact]
    public async Task ChatVerb_AngryCustomerAsksForAPerson_Escalated()
    {
        var transcript = await RunAsync("THIS IS THE THIRD TIME I'M WRITING ABOUT ORDER 4411!!!", "just let me talk to a person");

        Expect.Escalated(transcript);
        Expect.NoRepeatedApology(transcript);
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

    private async Task<ChatTranscript> RunAsync(params string[] lines)
    {
        using var chat = BotProcess.Start(_folder, ["chat"], redirectInput: true);
        Assert.Equal(0, await chat.RunToEndAsync(string.Join('\n', lines) + "\n"));
        var activities = chat.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ActivityJson.Deserialize).ToList();
        var turns = activities.GroupBy(a => a.ReplyToId).Select(g => (IReadOnlyList<Activity>)g.ToList()).ToList();
        Assert.Equal(lines.Length, turns.Count);
        return new ChatTranscript(lines.Select((line, i) => (line, turns[i])).ToList());
    }
}
