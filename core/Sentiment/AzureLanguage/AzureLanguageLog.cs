using System.Net;
using Microsoft.Extensions.Logging;

namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>
/// Log events of the Azure AI Language provider (5801–5899). They carry counts, status codes and error
/// codes only: never the texts scored and never the key (STYLE.md rule 7).
/// </summary>
internal static partial class AzureLanguageLog
{
    [LoggerMessage(EventId = 5801, Level = LogLevel.Warning, Message = "Azure AI Language did not answer ({Reason}); the fallback provider scores {Count} document(s)")]
    public static partial void Unavailable(ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Warning, Message = "Azure AI Language could not be reached ({Reason}); the fallback provider scores {Count} document(s)")]
    public static partial void Unreachable(ILogger logger, Exception exception, string reason, int count);

    [LoggerMessage(EventId = 5803, Level = LogLevel.Warning, Message = "Azure AI Language rejected {Count} document(s) (first error {ErrorCode}); the fallback provider scores them")]
    public static partial void DocumentsRejected(ILogger logger, int count, string errorCode);

    [LoggerMessage(EventId = 5804, Level = LogLevel.Debug, Message = "Azure AI Language attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5805, Level = LogLevel.Warning, Message = "Azure AI Language keeps failing; not calling it for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(EventId = 5806, Level = LogLevel.Information, Message = "Azure AI Language answers again; circuit closed")]
    public static partial void CircuitClosed(ILogger logger);

    /// <summary>A short, secret-free description of why an attempt failed.</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        Client.AzureLanguageRequestException { ErrorCode: { } code } e => $"HTTP {(int)e.Status} {code}",
        Client.AzureLanguageRequestException e => $"HTTP {(int)e.Status}",
        Polly.Timeout.TimeoutRejectedException => "timeout",
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open",
        HttpRequestException { StatusCode: HttpStatusCode status } => $"HTTP {(int)status}",
        HttpRequestException => "network error",
        OperationCanceledException => "timeout",
        null => "unknown",
        _ => exception.GetType().Name,
    };
}
