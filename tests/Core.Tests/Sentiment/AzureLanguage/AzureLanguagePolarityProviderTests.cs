using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>The request and mapping of PROTOCOLS.md §8 against a local server replaying documented payloads.</summary>
public sealed class AzureLanguagePolarityProviderTests
{
    private static readonly string[] FourTexts =
    [
        "Thanks, that fixed it!",
        "Third time I'm asking, where is my refund??",
        "The agent was very kind, but my refund is still missing.",
        "My order number is 4411.",
    ];

    [Fact]
    public async Task ScoreAsync_Texts_PostsDocumentedRequest()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.FromTestData(200, "success.json"));
        using var fixture = new ProviderFixture(server);

        await fixture.ScoreAsync(FourTexts);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2023-04-01", request.Query["api-version"]);
        Assert.Equal(ProviderFixture.Key, request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = request.Json;
        Assert.Equal("SentimentAnalysis", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("parameters").GetProperty("opinionMining").GetBoolean());
        Assert.Equal("Utf16CodeUnit", body.GetProperty("parameters").GetProperty("stringIndexType").GetString());
        Assert.Equal(["0", "1", "2", "3"], request.DocumentIds);
        Assert.Equal(FourTexts, request.DocumentTexts);
        Assert.All(request.Documents, d => Assert.Equal("en", d.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task ScoreAsync_ConfiguredVersionLanguageAndSlashedEndpoint_SentAsConfigured()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, _) => ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server, o =>
        {
            o.Endpoint += "/";
            o.ApiVersion = "2022-05-01";
            o.Language = "de";
        });

        await fixture.ScoreAsync("Danke!");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2022-05-01", request.Query["api-version"]);
        Assert.Equal("de", request.Documents[0].GetProperty("language").GetString());
    }

    [Fact]
    public async Task ScoreAsync_ShuffledResponse_MapsScoresAndLabelsInInputOrder()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.FromTestData(200, "success.json"));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync(FourTexts);

        Assert.Equal(4, scores.Count);
        AssertPolarity(scores[0], 0.91, 0.93, 0.05, 0.02, SentimentLabels.Positive);
        AssertPolarity(scores[1], -0.88, 0.01, 0.10, 0.89, SentimentLabels.Negative);
        AssertPolarity(scores[2], -0.04, 0.46, 0.04, 0.50, SentimentLabels.Mixed);
        AssertPolarity(scores[3], 0.01, 0.03, 0.95, 0.02, SentimentLabels.Neutral);
        Assert.Empty(fixture.Fallback.Calls);
    }

    [Fact]
    public async Task ScoreAsync_PerDocumentError_FallsBackForThatDocumentOnly()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.FromTestData(200, "document-error.json"));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("Great, thanks.", "Ceci n'est pas une langue.", "This is broken.");

        AssertPolarity(scores[0], 0.6, 0.7, 0.2, 0.1, SentimentLabels.Positive);
        Assert.Equal(RecordingFallbackProvider.Marker, scores[1]);
        AssertPolarity(scores[2], -0.8, 0.0, 0.2, 0.8, SentimentLabels.Negative);
        Assert.Equal(["Ceci n'est pas une langue."], fixture.Fallback.Texts);
        Assert.Single(server.Requests);
        var warning = Assert.Single(fixture.Logger.Entries, e => e.EventId == 5803);
        Assert.Contains("InvalidArgument", warning.Message);
    }

    [Fact]
    public async Task ScoreAsync_OnlyWhitespaceTexts_AnswersNeutralWithoutCall()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, _) => ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("", "   ", "\t\r\n");

        Assert.All(scores, s => Assert.Equal(new Polarity(0, 0, 1, 0, SentimentLabels.Neutral), s));
        Assert.Empty(server.Requests);
        Assert.Empty(fixture.Fallback.Calls);
    }

    [Fact]
    public async Task ScoreAsync_SomeWhitespaceTexts_SendsOnlyTheOthersWithTheirPositionsAsIds()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, _) => ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync(" ", "hello", "", "bye");

        Assert.Equal(["1", "3"], Assert.Single(server.Requests).DocumentIds);
        Assert.Equal(SentimentLabels.Neutral, scores[0].Label);
        Assert.Equal(SentimentLabels.Positive, scores[1].Label);
        Assert.Equal(SentimentLabels.Neutral, scores[2].Label);
        Assert.Equal(SentimentLabels.Positive, scores[3].Label);
    }

    [Fact]
    public async Task ScoreAsync_TwentyFiveTexts_SendsBatchesOfAtMostTenInOrder()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, _) => ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);
        var texts = Enumerable.Range(0, 25).Select(i => $"message {i}").ToArray();

        var scores = await fixture.Provider.ScoreAsync(texts);

        Assert.Equal([10, 10, 5], server.Requests.Select(r => r.Documents.Count));
        Assert.Equal(texts, server.Requests.SelectMany(r => r.DocumentTexts));
        Assert.Equal(
            Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            server.Requests.SelectMany(r => r.DocumentIds));
        Assert.Equal(25, scores.Count);
        Assert.All(scores, s => AssertPolarity(s, 0.75, 0.8, 0.15, 0.05, SentimentLabels.Positive));
    }

    [Fact]
    public async Task ScoreAsync_TextLongerThanLimit_SendsFirst5120CodeUnitsWithoutSplittingSurrogatePair()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, _) => ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);
        var plain = new string('a', 7000);
        var emojiAtLimit = new string('b', 5119) + "😠" + new string('c', 100);

        await fixture.ScoreAsync(plain, emojiAtLimit);

        var sent = Assert.Single(server.Requests).DocumentTexts;
        Assert.Equal(plain[..5120], sent[0]);
        Assert.Equal(new string('b', 5119), sent[1]);
        Assert.Empty(fixture.Fallback.Calls);
    }

    [Fact]
    public async Task ScoreAsync_LoneSurrogate_SendsValidJsonWithReplacementCharacter()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, _) => ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("broken \uD83D text");

        Assert.Equal("broken \uFFFD text", Assert.Single(Assert.Single(server.Requests).DocumentTexts));
        Assert.Equal(SentimentLabels.Positive, Assert.Single(scores).Label);
    }

    private static void AssertPolarity(Polarity actual, double compound, double positive, double neutral, double negative, string label)
    {
        Assert.Equal(compound, actual.Compound, 9);
        Assert.Equal(positive, actual.Positive, 9);
        Assert.Equal(neutral, actual.Neutral, 9);
        Assert.Equal(negative, actual.Negative, 9);
        Assert.Equal(label, actual.Label);
    }
}
