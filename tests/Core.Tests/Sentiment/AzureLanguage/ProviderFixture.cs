using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.AzureLanguage;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>
/// A provider wired to a local server the way production wires it (public constructor, real
/// HttpClient), with a recording fallback and a capturing logger.
/// </summary>
internal sealed class ProviderFixture : IDisposable
{
    /// <summary>A recognisable secret, to prove it reaches the header and nothing else.</summary>
    public const string Key = "k3y-5ecret-0f-the-te5t-5uite-9d1c";

    private readonly HttpClient _httpClient = new();

    public ProviderFixture(AzureLanguageTestServer server, Action<AzureLanguageOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        Options = FastOptions(server.Endpoint);
        configure?.Invoke(Options);
        Provider = new AzureLanguagePolarityProvider(_httpClient, Options, Fallback, timeProvider ?? TimeProvider.System, Logger);
    }

    public AzureLanguageOptions Options { get; }

    public RecordingFallbackProvider Fallback { get; } = new();

    public CapturingLogger<AzureLanguagePolarityProvider> Logger { get; } = new();

    public AzureLanguagePolarityProvider Provider { get; }

    public ValueTask<IReadOnlyList<Polarity>> ScoreAsync(params string[] texts) => Provider.ScoreAsync(texts);

    /// <summary>Short waits so failing paths finish quickly; a breaker that only opens when a test asks.</summary>
    public static AzureLanguageOptions FastOptions(string endpoint) => new()
    {
        Endpoint = endpoint,
        Key = Key,
        Timeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        CircuitBreakerMinimumThroughput = 100,
    };

    public void Dispose() => _httpClient.Dispose();
}
