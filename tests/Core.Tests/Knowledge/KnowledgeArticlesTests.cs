using SupportBot.Core.Knowledge;

namespace SupportBot.Core.Tests.Knowledge;

public sealed class KnowledgeArticlesTests
{
    [Fact]
    public void LoadFolder_RepositoryKnowledge_ParsesEveryArticleExceptReadme()
    {
        var articles = KnowledgeArticles.LoadFolder(KnowledgeFolder.Path);

        Assert.InRange(articles.Count, 18, 30);
        Assert.DoesNotContain(articles, a => a.Slug.Equals("README", StringComparison.OrdinalIgnoreCase));
        Assert.All(articles, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Title));
            Assert.False(a.Summary.StartsWith('#'));
            Assert.True(a.Summary.Length > 40, $"{a.Slug} has a short answer paragraph");
            Assert.NotEmpty(a.Keywords);
        });
    }

    [Fact]
    public void LoadEmbedded_Always_MatchesTheFolder()
    {
        var fromFolder = KnowledgeArticles.LoadFolder(KnowledgeFolder.Path);

        var embedded = KnowledgeArticles.LoadEmbedded();

        Assert.Equal(fromFolder.Select(a => a.Slug), embedded.Select(a => a.Slug));
        Assert.Equal(fromFolder.Select(a => a.Summary), embedded.Select(a => a.Summary));
    }

    [Fact]
    public void Parse_FrontMatterTitleAndParagraph_SplitsThem()
    {
        const string markdown = "---\nkeywords: parcel, courier\n---\n# Where is it?\n\nFirst line\nsecond line.\n\n## Details\nMore.";

        var article = KnowledgeArticles.Parse("where", markdown);

        Assert.Equal("Where is it?", article.Title);
        Assert.Equal("First line second line.", article.Summary);
        Assert.Equal(["parcel", "courier"], article.Keywords);
        Assert.Contains("More.", article.Body);
        Assert.Equal("where.md", article.FileName);
    }

    [Fact]
    public void Parse_NoTitle_ThrowsNamingTheArticle()
    {
        var ex = Assert.Throws<FormatException>(() => KnowledgeArticles.Parse("broken", "Just text."));

        Assert.Contains("broken", ex.Message);
    }

    [Fact]
    public void LoadFolder_MissingFolder_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => KnowledgeArticles.LoadFolder(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }
}
