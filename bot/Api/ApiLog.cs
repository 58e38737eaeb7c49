namespace SupportBot.Bot.Api;

/// <summary>Log messages of the HTTP API; never the body, never credentials.</summary>
internal static partial class ApiLog
{
    public const string Category = "SupportBot.Bot.Api";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected an inbound activity: {StatusCode} {ErrorCode}")]
    public static partial void Rejected(ILogger logger, int statusCode, string errorCode);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected a call to /api/messages: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "An inbound activity on channel '{ChannelId}' could not be processed")]
    public static partial void Failed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Rejected an activity whose serviceUrl '{ServiceUrl}' is not in BotFramework:AllowedServiceUrls")]
    public static partial void ServiceUrlRefused(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "BotFramework:AllowUnauthenticated is on and no app id is set: /api/messages accepts calls without a token and replies to loopback service URLs. For local development and the Bot Framework Emulator only.")]
    public static partial void UnauthenticatedMode(ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "No BotFramework:MicrosoftAppId is set and unauthenticated mode is off: /api/messages refuses every call")]
    public static partial void ClosedMode(ILogger logger);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "/api/messages requires Bot Framework tokens for app {AppId} ({AppType})")]
    public static partial void AuthenticatedMode(ILogger logger, string appId, string appType);
}
