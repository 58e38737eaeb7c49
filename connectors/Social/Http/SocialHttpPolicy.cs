namespace SupportBot.Connectors.Social.Http;

/// <summary>How a social API client waits and retries (bound from the channel's options).</summary>
public sealed record SocialHttpPolicy
{
    /// <summary>Attempts after a 5xx or a network failure (jittered exponential backoff).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with ±50 % jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for a rate-limit window inside a call; longer ones throw <see cref="RateLimitedException"/>.</summary>
    public TimeSpan MaxInlineWait { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to back off after a 429 that names no reset time.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Times a request is tried again after a 429 (once its window resets).</summary>
    public int MaxRateLimitRetries { get; init; } = 2;
}
