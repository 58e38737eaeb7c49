namespace SupportBot.Core.Knowledge;

/// <summary>
/// Reads the article format of <c>knowledge/README.md</c>: optional <c>---</c> front matter with
/// <c>keywords:</c>, a <c># Title</c>, then the answer-first paragraph, then details.
/// </summary>
internal static class MarkdownArticleParser
{
    public static KnowledgeArticle Parse(string slug, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        var keywords = new List<string>();

        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            index = 1;
            for (; index < lines.Length && lines[index].Trim() != "---"; index++)
            {
                var line = lines[index];
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Trim().Equals("keywords", StringComparison.OrdinalIgnoreCase))
                {
                    keywords.AddRange(line[(colon + 1)..]
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            }

            index++;
        }

        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index]))
        {
            index++;
        }

        if (index >= lines.Length || !lines[index].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new FormatException($"Knowledge article '{slug}' must start with a '# Title' line (after optional front matter).");
        }

        var title = lines[index][2..].Trim();
        var bodyStart = ++index;

        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index]))
        {
            index++;
        }

        var summaryLines = new List<string>();
        for (; index < lines.Length && !string.IsNullOrWhiteSpace(lines[index]); index++)
        {
            if (lines[index].StartsWith('#'))
            {
                break;
            }

            summaryLines.Add(lines[index].Trim());
        }

        if (title.Length == 0 || summaryLines.Count == 0)
        {
            throw new FormatException($"Knowledge article '{slug}' needs a title and an answer-first paragraph under it.");
        }

        var body = string.Join('\n', lines[bodyStart..]).Trim();
        return new KnowledgeArticle(slug, title, string.Join(' ', summaryLines), body, keywords);
    }
}
