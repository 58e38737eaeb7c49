using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

public sealed class VaderPolarityProviderTests
{
    [Fact]
    public async Task ScoreAsync_Texts_OneLabelledResultPerTextInOrder()
    {
        var provider = new VaderPolarityProvider();

        var results = await provider.ScoreAsync(["I love it", "I hate it", "Order 12345", ""]);

        Assert.Equal([SentimentLabels.Positive, SentimentLabels.Negative, SentimentLabels.Neutral, SentimentLabels.Neutral], results.Select(r => r.Label));
        var love = VaderAnalyzer.Default.PolarityScores("I love it");
        Assert.Equal(new Polarity(love.Compound, love.Positive, love.Neutral, love.Negative, SentimentLabels.Positive), results[0]);
    }

    [Theory]
    [InlineData(0.05, SentimentLabels.Positive)]
    [InlineData(0.0499, SentimentLabels.Neutral)]
    [InlineData(-0.0499, SentimentLabels.Neutral)]
    [InlineData(-0.05, SentimentLabels.Negative)]
    public void Label_Compound_UsesProtocolThresholds(double compound, string label)
    {
        Assert.Equal(label, new VaderScores(0, 1, 0, compound).Label);
    }
}
