namespace SupportBot.Bot.AgentDesk;

/// <summary>Log messages of the agent desk: never a password, never customer text.</summary>
internal static partial class DeskLog
{
    public const string Category = "SupportBot.Bot.AgentDesk";

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Agent desk: off (no agents under AgentDesk:Agents)")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Agent desk: on at /agent for {Count} agent(s)")]
    public static partial void On(ILogger logger, int count);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Agent '{AgentId}' signed in from {Address}")]
    public static partial void SignedIn(ILogger logger, string agentId, string address);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Failed sign-in to the agent desk ({Account}) from {Address}")]
    public static partial void SignInFailed(ILogger logger, string account, string address);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Refused a sign-in to the agent desk from {Address}: locked out for {Remaining}")]
    public static partial void LockedOut(ILogger logger, string address, TimeSpan remaining);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Rejected a desk request without a valid antiforgery token: {Method} {Path}")]
    public static partial void AntiforgeryRejected(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Agent '{AgentId}' signed out")]
    public static partial void SignedOut(ILogger logger, string agentId);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Warning, Message = "A desk event stream fell behind and was closed (the browser reconnects and reloads)")]
    public static partial void SubscriberDropped(ILogger logger);
}
