using System.Text;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.Console;

/// <summary>Turns console lines into activities and activities into readable console text. Pure.</summary>
public static class ConsoleActivityMapper
{
    /// <summary>The customer's line as a message activity in the console conversation.</summary>
    public static Activity ToActivity(string line, ConsoleOptions options, string activityId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(options);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            Timestamp = timestamp,
            ChannelId = ConsoleOptions.ChannelId,
            Conversation = new ConversationAccount(options.ConversationId),
            From = new ChannelAccount(options.UserId, role: RoleTypes.User),
            Recipient = new ChannelAccount(options.BotId, role: RoleTypes.Bot),
            Text = line,
            TextFormat = "plain",
        };
    }

    /// <summary>
    /// What a person at the terminal sees for a delivered activity: its text and its suggested actions as
    /// <c>[Refund] [Replacement]</c>; null for activities with nothing to show (typing, events).
    /// </summary>
    public static string? ToText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.MessageUpdate:
                break;
            case ActivityTypes.MessageDelete:
                return "(a message was removed)";
            default:
                return null;
        }

        var text = new StringBuilder();
        if (activity.Type == ActivityTypes.MessageUpdate)
        {
            text.Append("(edited) ");
        }

        text.Append(activity.Text);
        if (activity.Attachments is { Count: > 0 } attachments)
        {
            Line(text).Append('(').Append(attachments.Count).Append(attachments.Count == 1 ? " attachment)" : " attachments)");
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            Line(text).AppendJoin(' ', actions.Select(a => $"[{a.Title ?? a.Text}]"));
        }

        return text.ToString();
    }

    private static StringBuilder Line(StringBuilder text) => text.Length == 0 ? text : text.Append('\n');
}
