using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.AzureLanguage;
using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>Provider behaviour against a fake client: answers the service should not give, but might.</summary>
public sealed class AzureLanguageProviderUnitTests
{
    [Fact]
    public async Task ScoreAsync_DocumentMissingFromResponse_FallsBackForIt()
    {
        var client = new FakeAzureLanguageClient(documents => new SentimentResults(
            [new DocumentSentiment(documents[0].Id, "positive", new ConfidenceScores(0.9, 0.1, 0), null, null)],
            Errors: null,
            ModelVersion: null));
        var fallback = new RecordingFallbackProvider();
        var provider = NewProvider(client, fallback);

        var scores = await provider.ScoreAsync(["kept", "dropped"]);

        Assert.Equal(SentimentLabels.Positive, scores[0].Label);
        Assert.Equal(RecordingFallbackProvider.Marker, scores[1]);
        Assert.Equal(["dropped"], fallback.Texts);
    }

    [Fact]
    public async Task ScoreAsync_FallbackForLongText_GetsOriginalUntruncatedText()
    {
        var client = new FakeAzureLanguageClient(_ => new SentimentResults([], [], null));
        var fallback = new RecordingFallbackProvider();
        var provider = NewProvider(client, fallback);
        var longText = new string('z', 9000);

        await provider.ScoreAsync([longText]);

        Assert.Equal(5120, Assert.Single(Assert.Single(client.Requests)).Text.Length);
        Assert.Equal(longText, Assert.Single(fallback.Texts));
    }

    private static AzureLanguagePolarityProvider NewProvider(IAzureLanguageClient client, IPolarityProvider fallback) =>
        new(client, ProviderFixture.FastOptions("https://x.cognitiveservices.azure.com"), fallback, TimeProvider.System, NullLogger.Instance);
}
