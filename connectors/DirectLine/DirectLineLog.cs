using Microsoft.Extensions.Logging;

namespace SupportBot.Connectors.DirectLine;

/// <summary>Log messages of the Direct Line server: never bodies, tokens, secrets or stream URLs.</summary>
internal static partial class DirectLineLog
{
    public const string Category = "SupportBot.Connectors.DirectLine";

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Direct Line request rejected: {StatusCode} {ErrorCode}")]
    public static partial void Rejected(ILogger logger, int statusCode, string errorCode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "The bot failed on a Direct Line activity of type '{ActivityType}'")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityType);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Direct Line activity with a known clientActivityID answered with its earlier id")]
    public static partial void DuplicatePost(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Direct Line stream opened")]
    public static partial void StreamOpened(ILogger logger);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Direct Line request over the rate limit ({Limit})")]
    public static partial void RateLimited(ILogger logger, string limit);
}
