using SupportBot.Bot.Tests.Conversations.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>Praising customers: thanked warmly, never apologised to, never put through HEAP.</summary>
public sealed class PraisingCustomerConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => [.. Scripts.Keys];

    private static readonly Dictionary<string, (string[] Lines, Action<ChatTranscript> Check)> Scripts = new()
    {
        ["praise only"] = (["Your delivery was super fast, love it!"], t => Assert.Contains("Thank", t.Reply(0))),
        ["praise for the team"] = (["Just wanted to say your team was amazing yesterday"], t => Assert.Contains("Thank", t.Reply(0))),
        ["thanks and goodbye"] = (["hello", "thanks, bye"], t => Assert.Contains("welcome", t.Reply(1), StringComparison.OrdinalIgnoreCase)),
        ["praise then a question"] = (["love the new kettle!", "how long does delivery take?"], t => Expect.AnsweredFromKnowledge(t, 1)),
        ["happy after a resolution"] = (["my order 4411 arrived damaged", "yes", "Replacement", "great, thanks so much!"], t =>
        {
            Expect.Commitment(t);
            Expect.NoApologyIn(t, -1);
        }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Chat_PraisingCustomer_ThankedWithoutApology(string name)
    {
        var (lines, check) = Scripts[name];

        var transcript = await ChatRunner.RunAsync(lines);
        output.WriteLine(transcript.ToString());

        Expect.EveryTurnAnswered(transcript);
        Assert.DoesNotContain(transcript.Turns, turn => turn.Customer != "my order 4411 arrived damaged" && turn.Customer != "yes" && turn.Replies.Any(r => ChatTranscript.IsApology(r.Text ?? "")));
        Assert.DoesNotContain("Is that right?", string.Join("\n", transcript.Turns.Where(turn => !turn.Customer.Contains("4411", StringComparison.Ordinal)).Select(turn => string.Join(" ", turn.Replies.Select(r => r.Text)))));
        check(transcript);
    }
}
