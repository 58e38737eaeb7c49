namespace SupportBot.Bot.Api;

/// <summary>Log messages of the HTTP API; never the body, never credentials.</summary>
internal static partial class ApiLog
{
    public const string Category = "SupportBot.Bot.Api";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected an inbound activity: {StatusCode} {ErrorCode}")]
    public static partial void Rejected(ILogger logger, int statusCode, string errorCode);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected an unauthenticated request: a Microsoft app id is configured and token validation is not available yet")]
    public static partial void Unauthenticated(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "An inbound activity on channel '{ChannelId}' could not be processed")]
    public static partial void Failed(ILogger logger, Exception exception, string channelId);
}
