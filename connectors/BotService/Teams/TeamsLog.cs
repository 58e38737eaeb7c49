using Microsoft.Extensions.Logging;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>The Teams hub's log messages (event ids 72xx). Never message text, only ids.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Handoff {CaseId}: started Teams thread {ThreadId}")]
    public static partial void ThreadStarted(ILogger logger, string caseId, string threadId);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Handoff {CaseId} has no Teams thread yet; the notification is retried")]
    public static partial void NoThread(ILogger logger, string caseId);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Handoff {CaseId}: card action '{Verb}' from a Teams agent answered {Outcome}")]
    public static partial void CardAction(ILogger logger, string caseId, string verb, string outcome);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Warning, Message = "Rejected a Teams card action: {Reason}")]
    public static partial void BadCardAction(ILogger logger, string reason);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Information, Message = "Handoff {CaseId}: a Teams agent's message was not relayed ({Outcome})")]
    public static partial void NotRelayed(ILogger logger, string caseId, string outcome);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Debug, Message = "Ignored a '{Type}' activity in the Teams support channel conversation {ConversationId}")]
    public static partial void Ignored(ILogger logger, string type, string conversationId);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Debug, Message = "Teams message {ActivityId} in thread {ThreadId} was relayed before (a channel retry)")]
    public static partial void DuplicateRelay(ILogger logger, string activityId, string threadId);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Error, Message = "Handoff {CaseId}: relaying a Teams agent's message failed; Teams will retry it")]
    public static partial void RelayFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(EventId = 7209, Level = LogLevel.Warning, Message = "Handoff {CaseId}: could not post a notice into the Teams thread")]
    public static partial void NoticeFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(EventId = 7210, Level = LogLevel.Error, Message = "A Teams card action on handoff {CaseId} failed")]
    public static partial void CardActionFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Warning, Message = "Ignored a Teams '{Type}' activity from a tenant other than Handoff:Teams:TenantId")]
    public static partial void OtherTenant(ILogger logger, string type);
}
