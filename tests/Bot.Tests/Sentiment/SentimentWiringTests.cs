using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.AzureLanguage;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Bot.Tests.Sentiment;

public sealed class SentimentWiringTests
{
    [Fact]
    public async Task Message_ThroughTheHost_IsScoredAndStoredWithTheTranscript()
    {
        await using var server = await BotTestServer.StartAsync();
        var conversationId = TestActivities.NewConversationId();

        await server.SendTextAsync("THIRD time I'm asking!!! where is my refund??", conversationId);

        var inbound = (await server.TranscriptAsync("test", conversationId))[0];
        var recorded = SentimentMiddleware.ReadRecorded(inbound);
        Assert.NotNull(recorded);
        Assert.True(recorded.Upset);
        Assert.NotEmpty(recorded.Reasons);
    }

    [Fact]
    public async Task Defaults_EmbeddedProviderAndDefaultPolicy()
    {
        await using var server = await BotTestServer.StartAsync();

        Assert.IsType<VaderPolarityProvider>(server.Services.GetRequiredService<IPolarityProvider>());
        var policy = server.Services.GetRequiredService<EscalationPolicy>();
        Assert.Equal(0.7, policy.Options.IntensityThreshold);
        Assert.True(policy.AsksForPerson("can I talk to a person"));
    }

    [Fact]
    public async Task ConfiguredPhrases_ReplaceTheDefaults()
    {
        await using var server = await BotTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Escalation:ExplicitRequestPhrases:0"] = "get me a human",
            ["Escalation:IntensityThreshold"] = "0.9",
        });

        var policy = server.Services.GetRequiredService<EscalationPolicy>();
        Assert.Equal(0.9, policy.Options.IntensityThreshold);
        Assert.True(policy.AsksForPerson("please get me a human"));
        Assert.False(policy.AsksForPerson("can I talk to a person"));
    }

    [Fact]
    public async Task AzureProvider_Configured_IsUsedWithVaderFallback()
    {
        await using var server = await BotTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sentiment:Provider"] = "AzureLanguage",
            ["Sentiment:AzureLanguage:Endpoint"] = "https://example-language.cognitiveservices.azure.com",
            ["Sentiment:AzureLanguage:Key"] = "not-a-real-key",
        });

        Assert.IsType<AzureLanguagePolarityProvider>(server.Services.GetRequiredService<IPolarityProvider>());
    }

    [Theory]
    [InlineData("Sentiment:Provider", "Watson", "Sentiment:Provider")]
    [InlineData("Escalation:IntensityThreshold", "3", "Escalation:IntensityThreshold")]
    [InlineData("Escalation:ConsecutiveNegativeTurns", "0", "Escalation:ConsecutiveNegativeTurns")]
    public async Task StartAsync_BadSentimentSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestServer.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public async Task StartAsync_AzureWithoutEndpoint_FailsNamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestServer.StartAsync(new Dictionary<string, string?> { ["Sentiment:Provider"] = "AzureLanguage" }));

        Assert.Contains("Sentiment:AzureLanguage:Endpoint", failure.Message);
    }
}
