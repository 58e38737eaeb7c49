using System.Net;

namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>
/// Settings of the Azure AI Language sentiment provider, bound from <see cref="SectionName"/>
/// (PROTOCOLS.md §8). <see cref="Key"/> is a secret: it is sent in a header and nowhere else.
/// </summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Sentiment:AzureLanguage";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.cognitiveservices.azure.com</c>. Required; https (http only for loopback, for tests).</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The resource key, sent as <c>Ocp-Apim-Subscription-Key</c>. Required; never logged.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The REST API version. Default <c>2023-04-01</c>.</summary>
    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>The language sent with every document. Default <c>en</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Time one attempt may take before it is abandoned (and retried). Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one batch may take over all attempts and waits before the fallback answers. Default 12 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after a 429, a 5xx, a timeout or a network error; 0 disables retries. Default 2.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First delay of the jittered exponential backoff. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Longest wait before a retry: caps the backoff, and a 429 asking to wait longer than this is not
    /// retried (the fallback answers at once). Default 5 s.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the circuit may open (at least 2). Default 5.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 5;

    /// <summary>Window over which failures are counted (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit stops calling the service (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks every setting; answers one message per bad setting naming its configuration key (and
    /// never its value, so the key cannot leak), or nothing when all are valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsAllowedEndpoint(Endpoint))
        {
            errors.Add($"{SectionName}:{nameof(Endpoint)} must be an absolute https URL (http only for loopback)");
        }

        Require(errors, !string.IsNullOrWhiteSpace(Key), nameof(Key), "is required");
        Require(errors, !string.IsNullOrWhiteSpace(ApiVersion), nameof(ApiVersion), "is required");
        Require(errors, !string.IsNullOrWhiteSpace(Language), nameof(Language), "is required");

        // Ranges follow what Polly accepts, so a bad value fails here with its key, not in Polly.
        Require(errors, Timeout >= TimeSpan.FromMilliseconds(10) && Timeout <= TimeSpan.FromMinutes(5), nameof(Timeout), "must be between 10 ms and 5 minutes");
        Require(errors, TotalTimeout >= TimeSpan.FromMilliseconds(10) && TotalTimeout <= TimeSpan.FromMinutes(10), nameof(TotalTimeout), "must be between 10 ms and 10 minutes");
        Require(errors, MaxRetryAttempts is >= 0 and <= 10, nameof(MaxRetryAttempts), "must be between 0 and 10");
        Require(errors, RetryBaseDelay > TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromMinutes(1), nameof(RetryBaseDelay), "must be between 0 and 1 minute");
        Require(errors, MaxRetryDelay >= RetryBaseDelay && MaxRetryDelay <= TimeSpan.FromMinutes(5), nameof(MaxRetryDelay), "must be at least RetryBaseDelay and at most 5 minutes");
        Require(errors, CircuitBreakerFailureRatio is > 0 and <= 1, nameof(CircuitBreakerFailureRatio), "must be greater than 0 and at most 1");
        Require(errors, CircuitBreakerMinimumThroughput >= 2, nameof(CircuitBreakerMinimumThroughput), "must be at least 2");
        Require(errors, IsPollyDuration(CircuitBreakerSamplingDuration), nameof(CircuitBreakerSamplingDuration), "must be between 0.5 s and 1 day");
        Require(errors, IsPollyDuration(CircuitBreakerBreakDuration), nameof(CircuitBreakerBreakDuration), "must be between 0.5 s and 1 day");
        return errors;
    }

    private static void Require(List<string> errors, bool valid, string name, string rule)
    {
        if (!valid)
        {
            errors.Add($"{SectionName}:{name} {rule}");
        }
    }

    private static bool IsPollyDuration(TimeSpan value) =>
        value >= TimeSpan.FromMilliseconds(500) && value <= TimeSpan.FromDays(1);

    private static bool IsAllowedEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
