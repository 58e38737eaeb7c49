namespace SupportBot.Core.Knowledge;

/// <summary>One support article (see <c>knowledge/README.md</c> for the format).</summary>
/// <param name="Slug">File name without <c>.md</c>; unique.</param>
/// <param name="Title">The <c># …</c> heading.</param>
/// <param name="Summary">The answer-first paragraph under the title.</param>
/// <param name="Body">The whole article text after the title (summary and details), Markdown.</param>
/// <param name="Keywords">Words customers use that the article may not (front matter <c>keywords:</c>).</param>
public sealed record KnowledgeArticle(string Slug, string Title, string Summary, string Body, IReadOnlyList<string> Keywords)
{
    /// <summary>The article's file name.</summary>
    public string FileName => Slug + ".md";
}
