using System.Text.Json.Nodes;
using SupportBot.Connectors.BotService.Teams.Cards;

namespace SupportBot.Bot.Tests.Teams;

public sealed class CaseCardBuilderTests
{
    [Fact]
    public void Build_Waiting_ShowsContextAndAcceptReturnButtons()
    {
        var built = CaseCardBuilder.Build(TeamsTestCards.Angry());

        var card = built.Card;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var text = AllText(card);
        foreach (var expected in new[] { "Handoff H-1001", "Waiting for an agent", "Maya Patel", "directline", "sentiment: mood fell sharply; asked for a person", "Lead", "Order 4411 arrived with a cracked screen", "T-1004 (open)", "I want to talk to a real person NOW", "falling" })
        {
            Assert.Contains(expected, text);
        }

        Assert.Equal(["accept", "return"], Verbs(card));
        Assert.All(Executes(card), a => Assert.Equal("H-1001", (string?)a["data"]!["caseId"]));
        Assert.Equal(0, built.OmittedLines);
    }

    [Fact]
    public void Build_WithAgent_ShowsAgentNoteInputResolveReturn()
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(CaseCardState.WithAgent, "Ana Souza")).Card;

        Assert.Contains("Accepted by Ana Souza", AllText(card));
        Assert.Equal(["resolve", "return"], Verbs(card));
        Assert.Contains(Descendants(card), e => (string?)e["type"] == "Input.Text" && (string?)e["id"] == CaseCardVerbs.NoteInput);
    }

    [Theory]
    [InlineData(CaseCardState.Resolved, "Resolved by Ana Souza")]
    [InlineData(CaseCardState.ReturnedToBot, "Returned to the bot by Ana Souza")]
    [InlineData(CaseCardState.Failed, "Nobody accepted in time")]
    public void Build_Closed_HasNoCaseButtons(CaseCardState state, string status)
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(state, state == CaseCardState.Failed ? null : "Ana Souza") with { Note = "Sent a replacement" }).Card;

        Assert.Contains(status, AllText(card));
        Assert.Empty(Verbs(card));
        Assert.DoesNotContain(Descendants(card), e => (string?)e["type"] == "Input.Text");
        Assert.Equal(state == CaseCardState.Resolved, AllText(card).Contains("Sent a replacement", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Notice_IsShown()
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(CaseCardState.WithAgent, "Ana Souza") with { Notice = "Ana Souza already has this case." }).Card;

        Assert.Contains("Ana Souza already has this case.", AllText(card));
    }

    [Fact]
    public void Build_CustomerText_OnlyInLiteralTextRuns()
    {
        const string markup = "[click here](https://evil.example) **now** <script>alert(1)</script>";
        var model = TeamsTestCards.Angry() with
        {
            CustomerName = "**Boss** [x](https://evil.example)",
            Transcript = [new CaseCardLine("Maya", markup, TeamsTestCards.Start, true)],
        };

        var card = CaseCardBuilder.Build(model).Card;

        // TextRuns are never markdown; TextBlocks (which hosts may render as markdown) carry only our words.
        var blocks = Descendants(card).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string?)e["text"] ?? "").ToList();
        Assert.DoesNotContain(blocks, b => b.Contains("evil.example", StringComparison.Ordinal) || b.Contains("Boss", StringComparison.Ordinal));
        var runs = Descendants(card).Where(e => (string?)e["type"] == "TextRun").Select(e => (string?)e["text"]).ToList();
        Assert.Contains(markup, runs);
        Assert.Contains("**Boss** [x](https://evil.example)", runs);
    }

    [Fact]
    public void Build_TranscriptHiddenBehindToggle()
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry()).Card;

        var transcript = Descendants(card).Single(e => (string?)e["id"] == CaseCardBuilder.TranscriptId);
        Assert.False((bool?)transcript["isVisible"]);
        var transcriptText = AllText(transcript);
        Assert.Contains("Hi, I'm the Alder & Finch assistant. What happened?", transcriptText);
        Assert.Contains("my order 4411 arrived with a cracked screen", transcriptText);
        var toggle = Actions(card).Single(a => (string?)a["type"] == "Action.ToggleVisibility");
        Assert.Equal(CaseCardBuilder.TranscriptId, (string?)toggle["targetElements"]![0]);
    }

    [Fact]
    public void Build_LongTranscript_StaysWithinBudgetKeepsNewest()
    {
        var built = CaseCardBuilder.Build(TeamsTestCards.Angry(extraLines: 400));

        var json = built.Card.ToJsonString();
        Assert.True(json.Length <= CaseCardBuilder.MaxCardChars, $"card is {json.Length} chars");
        Assert.True(built.OmittedLines > 0);
        Assert.Contains("I want to talk to a real person NOW", json);
        Assert.Contains("filler message number 399", json);
        Assert.DoesNotContain("filler message number 0 ", json);
        Assert.Contains($"The first {built.OmittedLines} message(s) did not fit", json);
    }

    [Fact]
    public void Build_LongMessage_IsCut()
    {
        var model = TeamsTestCards.Angry() with { Transcript = [new CaseCardLine("Maya", new string('a', 5000), null, true)] };

        var runs = Descendants(CaseCardBuilder.Build(model).Card).Where(e => (string?)e["type"] == "TextRun").Select(e => (string)e["text"]!);

        Assert.Contains(runs, r => r.Length == CaseCardBuilder.MaxLineChars && r.EndsWith('…'));
        Assert.DoesNotContain(runs, r => r.Length > CaseCardBuilder.MaxLineChars);
    }

    [Theory]
    [InlineData(new[] { 0.1, -0.3, -0.8 }, "falling, +0.10 → −0.80 (very upset)")]
    [InlineData(new[] { -0.5, 0.4 }, "rising, −0.50 → +0.40 (content)")]
    [InlineData(new[] { -0.3 }, "one reading, −0.30 → −0.30 (upset)")]
    public void MoodText_DescribesTrend(double[] scores, string expected)
    {
        var text = CaseCardBuilder.MoodText(scores, []);

        Assert.EndsWith(expected, text);
        Assert.Equal(scores.Length, text.IndexOf(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void MoodText_NoScores_SaysSo() => Assert.Equal("not scored", CaseCardBuilder.MoodText([], []));

    internal static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>().SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
        }
    }

    internal static string AllText(JsonNode node) =>
        string.Join("\n", Descendants(node).Where(e => e["text"] is JsonValue).Select(e => (string?)e["text"]));

    private static List<JsonObject> Actions(JsonObject card) => card["actions"]!.AsArray().OfType<JsonObject>().ToList();

    private static List<JsonObject> Executes(JsonObject card) => Actions(card).Where(a => (string?)a["type"] == "Action.Execute").ToList();

    private static List<string?> Verbs(JsonObject card) => Executes(card).Select(a => (string?)a["verb"]).ToList();
}
