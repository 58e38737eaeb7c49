using Microsoft.Extensions.Logging;

namespace SupportBot.Connectors.BotService;

/// <summary>Log messages of the Azure Bot Service channel: never bodies, tokens or secrets.</summary>
internal static partial class BotServiceLog
{
    public const string Category = "SupportBot.Connectors.BotService";

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "The Bot Framework signing keys could not be fetched; authenticated calls are refused until they can be")]
    public static partial void SigningKeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Refused to send to service URL '{ServiceUrl}': it is not in BotFramework:AllowedServiceUrls")]
    public static partial void ServiceUrlRefused(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Bot Connector answered {StatusCode} for {Operation}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, int statusCode, string operation, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "Got a Bot Connector access token valid until {ExpiresAt}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Could not get a Bot Connector access token from {Endpoint}: {StatusCode} {Error}")]
    public static partial void TokenFailed(ILogger logger, string endpoint, int statusCode, string error);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "Outbox entry {Sequence} on channel '{ChannelId}' has no usable service URL and is dropped")]
    public static partial void NoServiceUrl(ILogger logger, long sequence, string channelId);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Debug, Message = "Waiting {Delay} for the Teams per-conversation send limit")]
    public static partial void Throttled(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning, Message = "The Bot Connector refused outbox entry {Sequence} on channel '{ChannelId}' with {StatusCode} {ErrorCode}; it is dropped")]
    public static partial void Refused(ILogger logger, long sequence, string channelId, int statusCode, string errorCode);
}
