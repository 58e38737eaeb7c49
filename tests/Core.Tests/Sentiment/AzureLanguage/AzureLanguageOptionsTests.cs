using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Sentiment.AzureLanguage;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

public sealed class AzureLanguageOptionsTests
{
    [Fact]
    public void Validate_DefaultsWithEndpointAndKey_NoErrors()
    {
        var options = new AzureLanguageOptions { Endpoint = "https://my-resource.cognitiveservices.azure.com", Key = "secret" };

        Assert.Empty(options.Validate());
        Assert.Equal("2023-04-01", options.ApiVersion);
        Assert.Equal("en", options.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("http://my-resource.cognitiveservices.azure.com")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://my-resource.cognitiveservices.azure.com?x=1")]
    public void Validate_BadEndpoint_NamesEndpointKey(string endpoint)
    {
        var options = new AzureLanguageOptions { Endpoint = endpoint, Key = "secret" };

        var error = Assert.Single(options.Validate());
        Assert.Equal("Sentiment:AzureLanguage:Endpoint must be an absolute https URL (http only for loopback)", error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:8080")]
    public void Validate_HttpLoopbackEndpoint_Accepted(string endpoint)
    {
        var options = new AzureLanguageOptions { Endpoint = endpoint, Key = "secret" };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_MissingKey_NamesKey()
    {
        var options = new AzureLanguageOptions { Endpoint = "https://x.cognitiveservices.azure.com", Key = " " };

        Assert.Equal(["Sentiment:AzureLanguage:Key is required"], options.Validate());
    }

    [Fact]
    public void Validate_BadResilienceSettings_NamesEachKey()
    {
        var options = new AzureLanguageOptions
        {
            Endpoint = "https://x.cognitiveservices.azure.com",
            Key = "secret",
            ApiVersion = "",
            Language = "",
            Timeout = TimeSpan.Zero,
            MaxRetryAttempts = -1,
            RetryBaseDelay = TimeSpan.Zero,
            CircuitBreakerFailureRatio = 0,
            CircuitBreakerMinimumThroughput = 1,
            CircuitBreakerSamplingDuration = TimeSpan.FromMilliseconds(100),
            CircuitBreakerBreakDuration = TimeSpan.Zero,
        };

        var keys = options.Validate().Select(e => e.Split(' ')[0]);

        Assert.Equal(
        [
            "Sentiment:AzureLanguage:ApiVersion",
            "Sentiment:AzureLanguage:Language",
            "Sentiment:AzureLanguage:Timeout",
            "Sentiment:AzureLanguage:MaxRetryAttempts",
            "Sentiment:AzureLanguage:RetryBaseDelay",
            "Sentiment:AzureLanguage:CircuitBreakerFailureRatio",
            "Sentiment:AzureLanguage:CircuitBreakerMinimumThroughput",
            "Sentiment:AzureLanguage:CircuitBreakerSamplingDuration",
            "Sentiment:AzureLanguage:CircuitBreakerBreakDuration",
        ], keys);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingKeyWithoutSecret()
    {
        var options = new AzureLanguageOptions { Endpoint = "http://example.com", Key = ProviderFixture.Key };
        using var httpClient = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new AzureLanguagePolarityProvider(
            httpClient, options, new RecordingFallbackProvider(), TimeProvider.System, NullLogger<AzureLanguagePolarityProvider>.Instance));

        Assert.Contains("Sentiment:AzureLanguage:Endpoint", error.Message);
        Assert.DoesNotContain(ProviderFixture.Key, error.ToString());
    }
}
