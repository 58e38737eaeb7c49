namespace SupportBot.Core.Schema;

/// <summary>The activity types of the Bot Framework schema (PROTOCOLS.md §2).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string InstallationUpdate = "installationUpdate";
    public const string Handoff = "handoff";
    public const string Trace = "trace";
    public const string Delay = "delay";
    public const string Suggestion = "suggestion";
    public const string Command = "command";
    public const string CommandResult = "commandResult";
    public const string DeleteUserData = "deleteUserData";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Message, ConversationUpdate, ContactRelationUpdate, EndOfConversation, Event, Invoke, Typing,
        MessageReaction, MessageUpdate, MessageDelete, InstallationUpdate, Handoff, Trace, Delay,
        Suggestion, Command, CommandResult, DeleteUserData,
    };

    /// <summary>True for the types the schema defines.</summary>
    public static bool IsKnown(string? type) => type is not null && Known.Contains(type);
}

/// <summary>Values of <see cref="ChannelAccount.Role"/>.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Skill = "skill";
}

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    /// <summary>The caller wants the turn's replies in the HTTP response instead of callbacks.</summary>
    public const string ExpectReplies = "expectReplies";
}

/// <summary>Values of <see cref="Activity.InputHint"/>.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string IgnoringInput = "ignoringInput";
    public const string ExpectingInput = "expectingInput";
}

/// <summary>Values of <see cref="CardAction.Type"/> used by this project.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
}
