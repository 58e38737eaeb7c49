using SupportBot.Connectors.Social;

namespace SupportBot.Social.Tests.Shared;

public sealed class SocialTextTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("こんにちは", 10)]
    [InlineData("ok 👍", 5)]
    [InlineData("👨‍👩‍👧 family", 9)]
    [InlineData("see https://example.com/a/very/long/path/that/goes/on/and/on", 27)]
    [InlineData("café", 4)]
    public void X_CountsTheWayXDoes(string text, int expected) => Assert.Equal(expected, SocialTextLength.X(text));

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("@priya@social.example hi", 9)]
    [InlineData("see https://example.com/a/very/long/path/that/goes/on/and/on", 27)]
    [InlineData("こんにちは", 5)]
    public void Mastodon_CountsTheWayMastodonDoes(string text, int expected) => Assert.Equal(expected, SocialTextLength.Mastodon(text));

    [Fact]
    public void Fit_LongText_CutAtAWordWithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));
        var fitted = SocialTextLength.Fit(text, 280, SocialTextLength.X);
        Assert.True(SocialTextLength.X(fitted) <= 280);
        Assert.EndsWith("word…", fitted);
        Assert.Equal("short", SocialTextLength.Fit("short", 280, SocialTextLength.X));
    }

    [Fact]
    public void Split_LongPrivateMessage_EveryPartNamesTheCustomerWithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"w{i}"));
        var parts = SocialTextLength.Split(text, "@priya@social.example ", 500, SocialTextLength.Mastodon);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.StartsWith("@priya@social.example ", p));
        Assert.All(parts, p => Assert.True(SocialTextLength.Mastodon(p) <= 500));
        Assert.Equal(text, string.Join(' ', parts.Select(p => p["@priya@social.example ".Length..])));
    }

    [Theory]
    [InlineData(MentionKind.Praise)]
    [InlineData(MentionKind.Request)]
    [InlineData(MentionKind.Upset)]
    public void PublicReplies_TwentyInARow_AllDifferentAndWithinTheLimit(MentionKind kind)
    {
        var x = new SocialChannel("x", 280, SocialTextLength.X, MentionInText: true);
        var replies = Enumerable.Range(0, 20).Select(i => PublicReplies.For(kind, "a_rather_long_handle_15", x, i)).ToList();
        Assert.Equal(20, replies.Distinct().Count());
        Assert.All(replies, r => Assert.True(SocialTextLength.X(r) <= 280));
        Assert.All(replies, r => Assert.StartsWith("@a_rather_long_handle_15 ", r));
    }

    [Theory]
    [InlineData("Absolutely love my new kettle, brilliant service, thank you!", 0.9, false, MentionKind.Praise)]
    [InlineData("Love the kettle but the lid broke", 0.5, false, MentionKind.Request)]
    [InlineData("great store, when do you open on Sunday?", 0.6, false, MentionKind.Request)]
    [InlineData("my parcel is missing", -0.3, false, MentionKind.Request)]
    [InlineData("worst service ever!!", -0.8, true, MentionKind.Upset)]
    public void Classify_SortsMentions(string text, double compound, bool upset, MentionKind expected)
    {
        var sentiment = new Core.Sentiment.SentimentResult(compound, 0, 0, 0, compound > 0 ? "positive" : "negative", upset, upset ? 0.8 : 0, []);
        Assert.Equal(expected, MentionClassifier.Classify(text, sentiment));
    }
}
