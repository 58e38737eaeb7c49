using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace SupportBot.Connectors.Social.Http;

/// <summary>
/// Keeps a social API client inside its rate limits and retries what may be retried
/// (PROTOCOLS.md §6–7): it remembers each bucket's remaining requests and reset time from the response
/// headers and never sends into a spent window (it waits for the reset, or throws
/// <see cref="RateLimitedException"/> when the reset is further away than <see cref="SocialHttpPolicy.MaxInlineWait"/>);
/// a 429 spends the window until its reset, then the request is tried again; a 5xx or a network failure
/// is retried with jittered exponential backoff. Sits outside the authentication handler, so every
/// attempt is signed afresh.
/// </summary>
public sealed partial class RateLimitHandler(
    Func<HttpResponseMessage, RateLimitReading> read,
    Func<HttpRequestMessage, string> bucketOf,
    SocialHttpPolicy policy,
    TimeProvider timeProvider,
    ILogger logger) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>The remaining requests this handler believes a bucket has (null: unknown), for tests and diagnostics.</summary>
    public int? RemainingIn(string bucket) => _buckets.TryGetValue(bucket, out var b) ? b.Remaining : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var name = bucketOf(request);
        var bucket = _buckets.GetOrAdd(name, _ => new Bucket());
        var failures = 0;
        var limited = 0;
        while (true)
        {
            await TakeAsync(name, bucket, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (failures < policy.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                failures++;
                LogRetry(logger, ex, name, 0, failures);
                await Task.Delay(Backoff(failures), timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var reading = read(response);
            Update(bucket, reading);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var reset = reading.Reset
                    ?? (response.Headers.RetryAfter?.Delta is { } delta ? timeProvider.GetUtcNow() + delta : (DateTimeOffset?)null)
                    ?? response.Headers.RetryAfter?.Date
                    ?? timeProvider.GetUtcNow() + policy.DefaultRetryAfter;
                lock (bucket)
                {
                    bucket.Remaining = 0;
                    bucket.Reset = reset;
                }

                LogLimited(logger, name, reset);
                if (limited++ < policy.MaxRateLimitRetries)
                {
                    response.Dispose();
                    continue;
                }

                return response;
            }

            if ((int)response.StatusCode >= 500 && failures < policy.MaxRetries)
            {
                failures++;
                LogRetry(logger, null, name, (int)response.StatusCode, failures);
                response.Dispose();
                await Task.Delay(Backoff(failures), timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    /// <summary>Takes one request from the bucket, waiting for its reset when it is spent.</summary>
    private async Task TakeAsync(string name, Bucket bucket, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            DateTimeOffset reset;
            lock (bucket)
            {
                var now = timeProvider.GetUtcNow();
                if (bucket.Reset is { } r && r <= now)
                {
                    // The window is over: the next response tells the new one.
                    bucket.Remaining = null;
                    bucket.Reset = null;
                }

                if (bucket.Remaining is not { } remaining || remaining > 0)
                {
                    if (bucket.Remaining is { } n)
                    {
                        bucket.Remaining = n - 1;
                    }

                    return;
                }

                reset = bucket.Reset ?? now;
                wait = reset - now;
            }

            if (wait > policy.MaxInlineWait)
            {
                throw new RateLimitedException(name, reset);
            }

            LogWaiting(logger, name, wait.TotalSeconds);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Update(Bucket bucket, RateLimitReading reading)
    {
        if (reading.Remaining is null && reading.Reset is null)
        {
            return;
        }

        lock (bucket)
        {
            if (reading.Reset is { } reset && bucket.Reset is { } known && reset < known && reading.Remaining is null)
            {
                return;
            }

            bucket.Remaining = reading.Remaining ?? bucket.Remaining;
            bucket.Reset = reading.Reset ?? bucket.Reset;
        }
    }

    private TimeSpan Backoff(int failure)
    {
        var exponential = policy.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, failure - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + Random.Shared.NextDouble()));
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Social API '{Bucket}' answered {Status} (0: no answer); retry {Attempt}")]
    private static partial void LogRetry(ILogger logger, Exception? exception, string bucket, int status, int attempt);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Social API '{Bucket}' is rate limited until {Reset:O}")]
    private static partial void LogLimited(ILogger logger, string bucket, DateTimeOffset reset);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Social API '{Bucket}' window spent; waiting {Seconds:F1} s for its reset")]
    private static partial void LogWaiting(ILogger logger, string bucket, double seconds);

    private sealed class Bucket
    {
        public int? Remaining { get; set; }

        public DateTimeOffset? Reset { get; set; }
    }
}
