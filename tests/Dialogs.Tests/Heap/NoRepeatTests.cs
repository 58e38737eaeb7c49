using System.Text.RegularExpressions;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed partial class NoRepeatTests
{
    [Fact]
    public async Task TenTurnConversation_NoApologyPhraseRepeats()
    {
        var flow = new HeapFlow(sentiment: false);
        string[] customer =
        [
            "my order 4411 arrived damaged",
            "yes",
            "Replacement",
            "also my headphones from order 4402 stopped working",
            "yes",
            "Repair",
            "and I was charged twice for order 4396, that's really annoying",
            "yes",
            "Refund",
            "and my order 4411 is late too",
        ];

        foreach (var message in customer)
        {
            await flow.SendAsync(message);
        }

        var apologies = flow.Transcript.SelectMany(a => Sentences().Split(a.Text ?? string.Empty))
            .Where(s => ApologyWords().IsMatch(s))
            .ToList();
        Assert.True(apologies.Count >= 3, $"Expected several apologies, got: {string.Join(" | ", apologies)}");
        Assert.Equal(apologies.Count, apologies.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EmpathyBank_EveryLevelExhausted_NeverRepeatsAndFinallySaysNothing()
    {
        var used = new List<string>();
        var said = new List<string>();
        foreach (var level in (SupportBot.Dialogs.Heap.Empathy.EmpathyLevel[])[SupportBot.Dialogs.Heap.Empathy.EmpathyLevel.Mild, SupportBot.Dialogs.Heap.Empathy.EmpathyLevel.Strong, SupportBot.Dialogs.Heap.Empathy.EmpathyLevel.Severe])
        {
            for (var i = 0; i < 40; i++)
            {
                if (SupportBot.Dialogs.Heap.Empathy.EmpathyBank.Pick(level, "damaged", used, i) is { } text)
                {
                    said.AddRange(Sentences().Split(text));
                }
            }
        }

        Assert.Equal(said.Count, said.Distinct().Count());
        Assert.Null(SupportBot.Dialogs.Heap.Empathy.EmpathyBank.Pick(SupportBot.Dialogs.Heap.Empathy.EmpathyLevel.Severe, "damaged", used));
    }

    [Fact]
    public void EmpathyBank_NoProblem_NoApology() =>
        Assert.Null(SupportBot.Dialogs.Heap.Empathy.EmpathyBank.Pick(
            SupportBot.Dialogs.Heap.Empathy.EmpathyBank.LevelFor(upset: false, 0, 0.9, hasProblem: false), null, []));

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentences();

    [GeneratedRegex("(?i)sorry|apolog")]
    private static partial Regex ApologyWords();
}
