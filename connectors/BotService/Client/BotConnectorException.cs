using System.Net;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>
/// The Bot Connector answered a call with an error (after any retries): its HTTP status and the
/// <c>{"error":{"code","message"}}</c> code when it sent one.
/// </summary>
public sealed class BotConnectorException(HttpStatusCode statusCode, string errorCode, string message)
    : HttpRequestException(message, null, statusCode)
{
    /// <summary>The error code from the body, or the status name.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>True when sending the same thing again later can succeed (throttling, outages, token expiry).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout || (int?)StatusCode >= 500;
}
