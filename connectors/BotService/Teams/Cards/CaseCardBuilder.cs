using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static SupportBot.Connectors.BotService.Teams.Cards.CardElements;

namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>
/// Builds the Adaptive Card an agent sees in the Teams support channel for one handoff case: who, where,
/// why, the summary, the mood trend, the HEAP stage, the last messages, the whole transcript behind a
/// toggle, and the Accept / Resolve / Return to bot buttons (<c>Action.Execute</c>, PROTOCOLS.md §3).
/// </summary>
public static class CaseCardBuilder
{
    /// <summary>Card schema version: 1.5 is the newest Teams renders (Action.Execute needs 1.4).</summary>
    public const string Version = "1.5";

    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// Teams refuses messages over about 28 KB; the card's JSON stays under this many characters so the
    /// activity around it fits too.
    /// </summary>
    public const int MaxCardChars = 20_000;

    /// <summary>How many of the latest messages the card shows up front.</summary>
    public const int LastMessages = 4;

    /// <summary>Longest message text on the card; longer ones are cut with an ellipsis.</summary>
    public const int MaxLineChars = 600;

    /// <summary>The id of the hidden transcript container the toggle shows.</summary>
    public const string TranscriptId = "transcript";

    private const string Ellipsis = "…";

    public static BuiltCard Build(CaseCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new JsonArray
        {
            Header(card),
        };

        if (!string.IsNullOrWhiteSpace(card.Notice))
        {
            body.Add(Literal(Run(card.Notice, bold: true)));
            ((JsonObject)body[^1]!)["separator"] = true;
        }

        body.Add(Field("Customer", card.CustomerName));
        body.Add(Field("Channel", card.Channel));
        body.Add(Field("Reason", card.ReasonDetails.Count == 0 ? card.Reason : $"{card.Reason}: {string.Join("; ", card.ReasonDetails)}"));
        if (!string.IsNullOrWhiteSpace(card.Stage))
        {
            body.Add(Field("HEAP stage", card.Stage));
        }

        body.Add(Field("Mood", MoodText(card.MoodScores, card.MoodReasons)));
        if (card.Tickets.Count > 0)
        {
            body.Add(Field("Tickets", string.Join(", ", card.Tickets)));
        }

        if (card.AgentName is not null)
        {
            body.Add(Field("Agent", card.AgentHub is null or "teams" ? card.AgentName : $"{card.AgentName} ({card.AgentHub})"));
        }

        if (!string.IsNullOrWhiteSpace(card.Summary))
        {
            body.Add(Section("Summary"));
            body.Add(Literal(Run(card.Summary)));
        }

        foreach (var fact in card.Facts)
        {
            body.Add(Field(fact.Key, fact.Value));
        }

        if (card.Tried.Count > 0)
        {
            body.Add(Field("Tried", string.Join("; ", card.Tried)));
        }

        if (card.State == CaseCardState.Resolved && !string.IsNullOrWhiteSpace(card.Note))
        {
            body.Add(Field("Resolution", card.Note));
        }

        var messages = card.Transcript.Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        if (messages.Count > 0)
        {
            body.Add(Section("Last messages"));
            foreach (var line in messages.TakeLast(LastMessages))
            {
                body.Add(Line(line));
            }
        }

        if (card.State == CaseCardState.WithAgent)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = CaseCardVerbs.NoteInput,
                ["label"] = "Resolution note (sent with Resolve)",
                ["placeholder"] = "What was done for the customer",
                ["isMultiline"] = true,
                ["maxLength"] = 1000,
            });
        }

        var actions = Actions(card);
        var result = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
            ["actions"] = actions,
        };

        var omitted = AddTranscript(result, body, actions, messages);
        return new BuiltCard(result, omitted);
    }

    /// <summary>The text of one message as the transcript shows it: "[14:02] Ana: …".</summary>
    public static string Describe(CaseCardLine line) =>
        line.At is { } at
            ? $"[{at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}] {line.Speaker}: {line.Text}"
            : $"{line.Speaker}: {line.Text}";

    /// <summary>
    /// A sparkline and words for the mood: "▅▃▁ falling, −0.10 → −0.80 (very upset)".
    /// </summary>
    public static string MoodText(IReadOnlyList<double> scores, IReadOnlyList<string> reasons)
    {
        if (scores.Count == 0)
        {
            return "not scored";
        }

        const string bars = "▁▂▃▄▅▆▇█";
        var spark = new StringBuilder();
        foreach (var score in scores.TakeLast(12))
        {
            var clamped = Math.Clamp(score, -1, 1);
            spark.Append(bars[(int)Math.Round((clamped + 1) / 2 * (bars.Length - 1))]);
        }

        var first = scores[0];
        var last = scores[^1];
        var trend = scores.Count == 1 ? "one reading" : (last - first) switch
        {
            < -0.2 => "falling",
            > 0.2 => "rising",
            _ => "steady",
        };
        var text = $"{spark} {trend}, {Score(first)} → {Score(last)} ({Feeling(last)})";
        return reasons.Count == 0 ? text : $"{text}; {string.Join("; ", reasons.Distinct(StringComparer.Ordinal).Take(4))}";
    }

    private static string Score(double value) =>
        value.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    private static string Feeling(double score) => score switch
    {
        <= -0.6 => "very upset",
        <= -0.25 => "upset",
        < 0.25 => "neutral",
        < 0.6 => "content",
        _ => "happy",
    };

    private static JsonObject Header(CaseCard card)
    {
        var (status, style) = card.State switch
        {
            CaseCardState.Waiting => ("Waiting for an agent", "attention"),
            CaseCardState.WithAgent => ($"Accepted by {card.AgentName ?? "an agent"}", "accent"),
            CaseCardState.Resolved => ($"Resolved by {card.AgentName ?? "an agent"}", "good"),
            CaseCardState.ReturnedToBot => (card.AgentName is null ? "Returned to the bot" : $"Returned to the bot by {card.AgentName}", "emphasis"),
            CaseCardState.Failed => ("Nobody accepted in time", "warning"),
            _ => (card.State.ToString(), "emphasis"),
        };

        // The status line can carry an agent's display name (not ours): literal text.
        return Container(
            new JsonArray(
                Heading($"Handoff {card.CaseId}"),
                Literal(Run(status, bold: true))),
            style);
    }

    private static JsonObject Section(string title)
    {
        var heading = Heading(title, "Default");
        heading["separator"] = true;
        heading["spacing"] = "Medium";
        return heading;
    }

    private static JsonObject Line(CaseCardLine line)
    {
        var speaker = Run(line.Speaker + ": ", bold: true);
        var text = Run(Cut(line.Text));
        return line.At is { } at
            ? Literal(Run(at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " ", subtle: true), speaker, text)
            : Literal(speaker, text);
    }

    private static JsonArray Actions(CaseCard card)
    {
        var actions = new JsonArray();
        switch (card.State)
        {
            case CaseCardState.Waiting:
                actions.Add(Execute(CaseCardVerbs.Accept, "Accept", card.CaseId, "positive"));
                actions.Add(Execute(CaseCardVerbs.Return, "Return to bot", card.CaseId));
                break;
            case CaseCardState.WithAgent:
                actions.Add(Execute(CaseCardVerbs.Resolve, "Resolve", card.CaseId, "positive"));
                actions.Add(Execute(CaseCardVerbs.Return, "Return to bot", card.CaseId));
                break;
        }

        return actions;
    }

    /// <summary>
    /// Adds the hidden transcript, newest messages first until the size budget is spent; answers how many
    /// of the oldest did not fit.
    /// </summary>
    private static int AddTranscript(JsonObject card, JsonArray body, JsonArray actions, List<CaseCardLine> messages)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var items = new JsonArray { Section("Transcript") };
        var transcript = Container(items, id: TranscriptId, visible: false);
        body.Add(transcript);
        actions.Add(Toggle("Show transcript", TranscriptId));

        var budget = MaxCardChars - card.ToJsonString().Length - 200;
        var lines = new List<JsonObject>();
        var kept = 0;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var line = Line(messages[i]);
            var size = line.ToJsonString().Length + 1;
            if (size > budget)
            {
                break;
            }

            budget -= size;
            lines.Add(line);
            kept++;
        }

        var omitted = messages.Count - kept;
        if (omitted > 0)
        {
            items.Add(Label($"The first {omitted} message(s) did not fit on this card; they are posted in this thread.", subtle: true));
        }

        for (var i = lines.Count - 1; i >= 0; i--)
        {
            items.Add(lines[i]);
        }

        return omitted;
    }

    private static string Cut(string text)
    {
        text = text.Trim();
        return text.Length <= MaxLineChars ? text : text[..(MaxLineChars - 1)] + Ellipsis;
    }
}
