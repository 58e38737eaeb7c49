using Moq;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Signals;

public sealed class EmbeddedSentimentAnalyzerTests
{
    [Fact]
    public async Task AnalyzeAsync_DefaultProvider_SameAsSynchronousVaderPath()
    {
        var analyzer = new EmbeddedSentimentAnalyzer();
        const string text = "I've asked four times now, where is my refund?";

        var asynchronous = await analyzer.AnalyzeAsync(text);
        var synchronous = analyzer.Analyze(text);

        Assert.Equal(synchronous with { Reasons = [] }, asynchronous with { Reasons = [] });
        Assert.Equal(synchronous.Reasons, asynchronous.Reasons);
        Assert.Equal(VaderAnalyzer.Default.PolarityScores(text).Compound, synchronous.Compound);
    }

    [Fact]
    public async Task AnalyzeAsync_OtherProvider_SignalsAppliedOnItsPolarity()
    {
        var provider = new Mock<IPolarityProvider>();
        provider.Setup(p => p.ScoreAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Polarity(-0.2, 0.1, 0.5, 0.4, SentimentLabels.Mixed)]);
        var analyzer = new EmbeddedSentimentAnalyzer(provider.Object);

        var result = await analyzer.AnalyzeAsync("get me a manager, this is the third time");

        Assert.Equal(-0.2, result.Compound);
        Assert.Equal(SentimentLabels.Mixed, result.Label);
        Assert.True(result.Upset);
        Assert.Contains(UpsetReasons.AsksForHuman, result.Reasons);
        Assert.Contains(UpsetReasons.RepeatContact, result.Reasons);
    }

    [Fact]
    public async Task AnalyzeAsync_NullText_NeutralResult()
    {
        var result = await EmbeddedSentimentAnalyzer.Default.AnalyzeAsync(null);

        Assert.False(result.Upset);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Analyze_NoSignals_ReasonsIsSharedEmptyArray()
    {
        var first = EmbeddedSentimentAnalyzer.Default.Analyze("what time do you open?");
        var second = EmbeddedSentimentAnalyzer.Default.Analyze("do you ship to Spain?");

        Assert.Empty(first.Reasons);
        Assert.Same(first.Reasons, second.Reasons);
    }
}
