using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.AzureLanguage;
using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

public sealed class AzureLanguageMapperTests
{
    [Theory]
    [InlineData("Positive", SentimentLabels.Positive)]
    [InlineData("mixed", SentimentLabels.Mixed)]
    [InlineData("sarcastic", SentimentLabels.Negative)]
    [InlineData(null, SentimentLabels.Negative)]
    public void ToPolarity_Label_MapsKnownAndDerivesUnknown(string? sentiment, string expected)
    {
        var document = new DocumentSentiment("0", sentiment, new ConfidenceScores(0.2, 0.1, 0.7), null, null);

        var polarity = AzureLanguageMapper.ToPolarity(document);

        Assert.Equal(expected, polarity?.Label);
        Assert.Equal(-0.5, polarity!.Value.Compound, 9);
    }

    [Fact]
    public void ToPolarity_NoConfidenceScores_ReturnsNullSoFallbackAnswers()
    {
        Assert.Null(AzureLanguageMapper.ToPolarity(new DocumentSentiment("0", "positive", null, null, null)));
    }
}
