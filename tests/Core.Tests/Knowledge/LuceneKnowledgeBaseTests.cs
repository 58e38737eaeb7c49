using SupportBot.Core.Knowledge;

namespace SupportBot.Core.Tests.Knowledge;

public sealed class LuceneKnowledgeBaseTests : IClassFixture<LuceneKnowledgeBaseTests.Index>
{
    private readonly LuceneKnowledgeBase _kb;

    public LuceneKnowledgeBaseTests(Index index) => _kb = index.KnowledgeBase;

    [Theory]
    [InlineData("What time does the Leeds shop close on Sunday?", "store-opening-hours")]
    [InlineData("What are your opening hours in Manchester?", "store-opening-hours")]
    [InlineData("How do I reset my password?", "password-reset")]
    [InlineData("I forgot my password and can't log in", "password-reset")]
    [InlineData("How long does delivery take?", "shipping-delivery-times")]
    [InlineData("How can I track my order?", "order-tracking")]
    [InlineData("Where is my parcel?", "order-tracking")]
    [InlineData("my card was declined", "payment-failed")]
    [InlineData("Can I get a VAT invoice?", "invoices-receipts")]
    [InlineData("The tablet arrived with a cracked screen", "damaged-or-faulty-item")]
    [InlineData("My order 4411 arrived damaged", "damaged-or-faulty-item")]
    [InlineData("I want to return an item", "returns")]
    [InlineData("When will my refund arrive?", "refunds")]
    [InlineData("Do you price match?", "price-match")]
    [InlineData("How do I turn on two-factor authentication?", "two-factor-authentication")]
    [InlineData("Is the kettle in stock at the Bristol store?", "in-store-stock")]
    [InlineData("Can I cancel my order?", "change-or-cancel-order")]
    [InlineData("the website is down", "service-status")]
    [InlineData("How do I talk to a human agent?", "contact-us")]
    [InlineData("please delete my personal data", "privacy-data")]
    [InlineData("my discount code doesn't work", "promotions-discount-codes")]
    [InlineData("the parcel says delivered but I never got it", "missing-parcel")]
    [InlineData("can I exchange it for a different size", "exchanges-replacements")]
    [InlineData("is my tablet still under warranty", "warranty")]
    [InlineData("how much is delivery", "shipping-delivery-times")]
    [InlineData("do you deliver on saturday", "shipping-delivery-times")]
    [InlineData("what time do you close today", "store-opening-hours")]
    [InlineData("my package is late", "order-tracking")]
    [InlineData("can I pick up in store", "in-store-stock")]
    [InlineData("do you have the blender in stock in leeds", "in-store-stock")]
    [InlineData("I was charged twice", "payment-failed")]
    [InlineData("it stopped working after 3 months", "warranty")]
    [InlineData("how do I unsubscribe from emails", "account-management")]
    [InlineData("I lost my phone and can't get the 2fa code", "two-factor-authentication")]
    public async Task SearchAsync_TypicalQuestion_AnswersFromTheRightArticle(string question, string slug)
    {
        var answer = await _kb.SearchAsync(question);

        Assert.NotNull(answer);
        Assert.Equal(slug, answer.Slug);
        Assert.Equal(slug + ".md", answer.FileName);
        Assert.True(answer.IsConfident);
        Assert.False(string.IsNullOrWhiteSpace(answer.Title));
        Assert.DoesNotContain("\n", answer.Answer);
    }

    [Theory]
    [InlineData("asdfgh qwerty zxcvb")]
    [InlineData("blorp fizzwangle snoo")]
    [InlineData("¿Dónde está mi pedido? Quiero hablar con alguien")]
    [InlineData("Wann öffnet der Laden am Sonntag?")]
    [InlineData("Où est ma commande ? Je veux un remboursement")]
    [InlineData("我的订单在哪里")]
    [InlineData("What is the capital of France?")]
    [InlineData("Who won the football match yesterday?")]
    [InlineData("Tell me a joke about cats")]
    [InlineData("How do I bake a chocolate cake?")]
    [InlineData("hello")]
    [InlineData("I love your products!")]
    [InlineData("hello there, how are you?")]
    [InlineData("thanks!")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😡😡😡")]
    [InlineData("4411")]
    public async Task SearchAsync_NonsenseForeignOrOffTopic_ReturnsNull(string question)
    {
        Assert.Null(await _kb.SearchAsync(question));
    }

    [Theory]
    [InlineData("\"refund\"")]
    [InlineData("\"unterminated quote")]
    [InlineData("title:password")]
    [InlineData("body:")]
    [InlineData(":::")]
    [InlineData("refund AND password")]
    [InlineData("AND")]
    [InlineData("OR OR OR")]
    [InlineData("NOT refund")]
    [InlineData("refund && password || !delivery")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("ref*nd pass?ord")]
    [InlineData("[a TO z]")]
    [InlineData("{x TO}")]
    [InlineData("(((refund")]
    [InlineData("refund~2 password^10")]
    [InlineData("\\ / + - ! ( ) { } [ ] ^ \" ~ * ? : \\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE articles; --")]
    public async Task SearchAsync_QuerySyntaxCharacters_DoesNotThrow(string question)
    {
        var answer = await Record.ExceptionAsync(() => _kb.SearchAsync(question));
        var found = await Record.ExceptionAsync(() => _kb.FindAsync(question, 5));

        Assert.Null(answer);
        Assert.Null(found);
    }

    [Fact]
    public async Task SearchAsync_QuotedAndColonQuestion_StillFindsTheArticle()
    {
        var answer = await _kb.SearchAsync("password: \"reset\" AND (forgot)");

        Assert.Equal("password-reset", answer?.Slug);
    }

    [Fact]
    public async Task SearchAsync_FiftyKilobytePaste_DoesNotThrowAndDeclines()
    {
        var words = new[] { "order", "lorem", "ipsum", "dolor", "sit", "amet", "zebra", "quantum", "river", "mountain" };
        var text = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => words[i % words.Length] + (i % 97)));
        Assert.True(text.Length >= 50_000);

        var answer = await _kb.SearchAsync(text);

        Assert.Null(answer);
    }

    [Fact]
    public async Task SearchAsync_FiftyKilobytesOfOneCharacter_DoesNotThrow()
    {
        Assert.Null(await _kb.SearchAsync(new string('a', 50 * 1024)));
        Assert.Null(await _kb.SearchAsync(new string(':', 50 * 1024)));
    }

    [Fact]
    public async Task FindAsync_WeakQuestion_ReturnsRankedCandidatesMarkedNotConfident()
    {
        var candidates = await _kb.FindAsync("Who won the football match yesterday?", 3);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.False(c.IsConfident));
        Assert.All(candidates, c => Assert.InRange(c.Confidence, 0.0, 0.6));
    }

    [Fact]
    public async Task SearchAsync_StricterThreshold_DeclinesPartialMatches()
    {
        using var strict = LuceneKnowledgeBase.FromEmbeddedSample(new KnowledgeBaseOptions { MinimumConfidence = 1.0 });

        Assert.NotNull(await strict.SearchAsync("How do I reset my password?"));
        Assert.Null(await strict.SearchAsync("How do I reset my password on my toaster?"));
    }

    [Fact]
    public async Task GetArticleAsync_KnownSlug_ReturnsArticle()
    {
        var article = await _kb.GetArticleAsync("store-opening-hours");

        Assert.NotNull(article);
        Assert.Contains("Leeds", article.Body);
        Assert.Null(await _kb.GetArticleAsync("no-such-article"));
    }

    [Fact]
    public async Task SearchAsync_CancelledToken_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _kb.SearchAsync("refund", new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Create_DuplicateSlugs_Throws()
    {
        var article = KnowledgeArticles.Parse("a", "# A\n\nAnswer.");

        Assert.Throws<ArgumentException>(() => LuceneKnowledgeBase.Create([article, article]));
    }

    /// <summary>One index of the repository's articles for the class.</summary>
    public sealed class Index : IDisposable
    {
        public LuceneKnowledgeBase KnowledgeBase { get; } = LuceneKnowledgeBase.FromFolder(KnowledgeFolder.Path);

        public void Dispose() => KnowledgeBase.Dispose();
    }
}
