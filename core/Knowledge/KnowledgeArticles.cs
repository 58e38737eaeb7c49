using System.Reflection;

namespace SupportBot.Core.Knowledge;

/// <summary>Loads support articles from a folder of Markdown files or from the sample built into the assembly.</summary>
public static class KnowledgeArticles
{
    private const string ResourcePrefix = "SupportBot.Core.Knowledge.Articles.";

    /// <summary>
    /// Every <c>*.md</c> file in <paramref name="folder"/> except <c>README.md</c>, parsed; the slug is the file
    /// name without <c>.md</c>. Throws <see cref="DirectoryNotFoundException"/> for a missing folder and
    /// <see cref="FormatException"/> (naming the file) for an article without a title or answer paragraph.
    /// </summary>
    public static IReadOnlyList<KnowledgeArticle> LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The knowledge folder '{Path.GetFullPath(folder)}' does not exist.");
        }

        return Directory.EnumerateFiles(folder, "*.md")
            .Where(path => !IsReadme(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();
    }

    /// <summary>The sample articles of the repository's <c>knowledge/</c> folder, as built into this assembly.</summary>
    public static IReadOnlyList<KnowledgeArticle> LoadEmbedded()
    {
        var assembly = typeof(KnowledgeArticles).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..^".md".Length])
            .Where(slug => !IsReadme(slug + ".md"))
            .Order(StringComparer.Ordinal)
            .Select(slug => Parse(slug, ReadResource(assembly, ResourcePrefix + slug + ".md")))
            .ToList();
    }

    /// <summary>Parses one article; throws <see cref="FormatException"/> naming <paramref name="slug"/> when it has no title or answer.</summary>
    public static KnowledgeArticle Parse(string slug, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        ArgumentNullException.ThrowIfNull(markdown);
        return MarkdownArticleParser.Parse(slug, markdown);
    }

    private static bool IsReadme(string fileName) => fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded article '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
