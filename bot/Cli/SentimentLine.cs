namespace SupportBot.Bot.Cli;

/// <summary>One input line of the <c>sentiment</c> verb: its text and, for a TSV row, its label and channel.</summary>
internal readonly record struct SentimentLine(string Text, string? Label, string? Channel)
{
    /// <summary>
    /// Reads a line: a TSV row <c>label&lt;TAB&gt;channel&lt;TAB&gt;text</c> (further tabs belong to the text) or
    /// plain text; in both, the two characters <c>\n</c> mean a new line. False for a header row (first field
    /// <c>label</c>), which is skipped.
    /// </summary>
    public static bool TryParse(string line, out SentimentLine parsed)
    {
        var first = line.IndexOf('\t', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf('\t', first + 1);
        if (first >= 0 && line.AsSpan(0, first).Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
        {
            parsed = default;
            return false;
        }

        parsed = second < 0
            ? new SentimentLine(Unescape(line), null, null)
            : new SentimentLine(Unescape(line[(second + 1)..]), line[..first].Trim(), line[(first + 1)..second].Trim());
        return true;
    }

    private static string Unescape(string text) => text.Contains("\\n", StringComparison.Ordinal) ? text.Replace("\\n", "\n", StringComparison.Ordinal) : text;
}
