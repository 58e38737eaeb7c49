namespace SupportBot.Connectors.Social.Http;

/// <summary>
/// A request was not sent because its rate-limit window is spent until <see cref="ResetAt"/>, further
/// away than the caller is willing to wait inline. Pollers sleep until then; senders leave the outbox
/// entry for a later retry.
/// </summary>
public sealed class RateLimitedException(string bucket, DateTimeOffset resetAt)
    : HttpRequestException($"The rate limit of '{bucket}' is spent until {resetAt:O}.", null, System.Net.HttpStatusCode.TooManyRequests)
{
    public string Bucket { get; } = bucket;

    public DateTimeOffset ResetAt { get; } = resetAt;
}
