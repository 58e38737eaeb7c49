using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>
/// The resilience pipeline around one sentiment request, outermost first: a total timeout, retries
/// (429 honouring the service's wait, 5xx, timeouts, network errors), a circuit breaker, and a
/// per-attempt timeout. Anything it finally throws makes the provider answer with its fallback.
/// </summary>
internal static class AzureLanguageResilience
{
    public static ResiliencePipeline Build(AzureLanguageOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };

        // Bounds how long a customer's turn can wait on Azure before VADER answers instead.
        builder.AddTimeout(options.TotalTimeout);

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldRetry(args.Outcome.Exception, args.Context.CancellationToken, options.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(ServiceRequestedDelay(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    AzureLanguageLog.Retrying(logger, args.AttemptNumber + 1, AzureLanguageLog.Describe(args.Outcome.Exception), args.RetryDelay);
                    return default;
                },
            });
        }

        // Inside the retries, so every attempt counts; an open circuit is not retried (see ShouldRetry).
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(
                IsServiceFailure(args.Outcome.Exception, args.Context.CancellationToken)),
            OnOpened = args =>
            {
                AzureLanguageLog.CircuitOpened(logger, args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                AzureLanguageLog.CircuitClosed(logger);
                return default;
            },
        });

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>
    /// Transient failures are retried; a 429 or 503 asking for a longer wait than
    /// <paramref name="maxDelay"/> is not (the fallback is better than a stalled turn). 400, 401 and 403
    /// will not change on retry.
    /// </summary>
    internal static bool ShouldRetry(Exception? exception, CancellationToken cancellationToken, TimeSpan maxDelay) => exception switch
    {
        AzureLanguageRequestException e => IsTransient(e.Status) && !(e.RetryAfter > maxDelay),
        _ => IsTransientFault(exception, cancellationToken),
    };

    /// <summary>
    /// What counts against the service for the circuit breaker: transient failures, and 401/403 too —
    /// a revoked key fails every call, and there is no point in sending each one.
    /// </summary>
    internal static bool IsServiceFailure(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        AzureLanguageRequestException e => IsTransient(e.Status) || e.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
        _ => IsTransientFault(exception, cancellationToken),
    };

    /// <summary>The wait the service asked for (429/503 Retry-After); null lets the jittered backoff decide.</summary>
    internal static TimeSpan? ServiceRequestedDelay(Exception? exception) =>
        exception is AzureLanguageRequestException { RetryAfter: { } delay } ? delay : null;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool IsTransientFault(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        TimeoutRejectedException => true,
        BrokenCircuitException => false,
        HttpRequestException => true,

        // HttpClient.Timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
