namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>
/// corpus.txt: one text per line; "## name" starts a category, other "#" lines are comments, blank lines
/// are skipped. Lines are taken verbatim (no trimming: leading and trailing spaces are test cases).
/// </summary>
internal static class VaderCorpus
{
    public sealed record Entry(int LineNumber, string Category, string Text);

    public static IReadOnlyList<Entry> Load()
    {
        var entries = new List<Entry>();
        var category = "(none)";
        var lines = File.ReadAllLines(Path.Combine(VaderReference.Folder, "corpus.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                category = line[3..].Trim();
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(new Entry(i + 1, category, line));
            }
        }

        return entries;
    }
}
