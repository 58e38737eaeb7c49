using System.Net;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>
/// Azure AI Language answered a request with an error status, or with a body that is not the documented
/// shape. Carries what the resilience pipeline needs to sort the failure; never the key or any text.
/// </summary>
internal sealed class AzureLanguageRequestException(HttpStatusCode statusCode, string? errorCode, TimeSpan? retryAfter)
    : HttpRequestException(Describe(statusCode, errorCode), inner: null, statusCode)
{
    /// <summary>The error code from <c>{"error":{"code"}}</c>, when the body had one.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>How long the service asked us to wait (Retry-After / retry-after-ms), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The HTTP status (<see cref="HttpRequestException.StatusCode"/>, never null here).</summary>
    public HttpStatusCode Status { get; } = statusCode;

    private static string Describe(HttpStatusCode statusCode, string? errorCode) =>
        errorCode is null
            ? $"Azure AI Language answered {(int)statusCode} {statusCode}"
            : $"Azure AI Language answered {(int)statusCode} {statusCode} ({errorCode})";
}
