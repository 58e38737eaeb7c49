using System.Text.RegularExpressions;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Conversations.Infrastructure;

/// <summary>What a chat produced: each customer line with the bot's replies to it, in order.</summary>
internal sealed partial class ChatTranscript(IReadOnlyList<(string Customer, IReadOnlyList<Activity> Replies)> turns)
{
    public IReadOnlyList<(string Customer, IReadOnlyList<Activity> Replies)> Turns { get; } = turns;

    /// <summary>The replies to turn <paramref name="index"/> as one text (negative counts from the end).</summary>
    public string Reply(int index) => string.Join("\n", Turns[index < 0 ? Turns.Count + index : index].Replies.Select(r => r.Text));

    /// <summary>The last reply activity of turn <paramref name="index"/>.</summary>
    public Activity LastActivity(int index) => Turns[index < 0 ? Turns.Count + index : index].Replies[^1];

    public string AllBotText => string.Join("\n", Turns.SelectMany(t => t.Replies).Select(r => r.Text));

    /// <summary>Every apology sentence the bot said.</summary>
    public IReadOnlyList<string> Apologies => Turns.SelectMany(t => t.Replies)
        .SelectMany(r => SentenceBreak().Split(r.Text ?? string.Empty))
        .Where(s => ApologyRegex().IsMatch(s))
        .ToList();

    public static bool IsApology(string text) => ApologyRegex().IsMatch(text);

    /// <summary>A ticket reference such as T-1043.</summary>
    public static bool HasReference(string text) => ReferenceRegex().IsMatch(text);

    /// <summary>A time frame such as "within 2 days" or "within 24 hours".</summary>
    public static bool HasTimeFrame(string text) => TimeFrameRegex().IsMatch(text);

    public override string ToString() => string.Join("\n", Turns.Select(t => $"> {t.Customer}\n{string.Join("\n", t.Replies.Select(r => "< " + r.Text))}"));

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?i)\b(?:sorry|apologi[sz]e|apologies)\b")]
    private static partial Regex ApologyRegex();

    [GeneratedRegex(@"\bT-\d{3,}\b")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"\bwithin \d+ (?:hours|days)\b")]
    private static partial Regex TimeFrameRegex();
}
