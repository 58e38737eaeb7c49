namespace SupportBot.Bot.Extensions;

/// <summary>Log messages of the host itself.</summary>
internal static partial class HostLog
{
    public const string Category = "SupportBot.Bot";

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "SupportBot listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Storage: {Provider} {Location}")]
    public static partial void StorageOpened(ILogger logger, string provider, string location);
}
