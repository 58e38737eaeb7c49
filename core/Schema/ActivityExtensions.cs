using System.Text.Json;

namespace SupportBot.Core.Schema;

/// <summary>Helpers to build replies and to move between activities and conversation references.</summary>
public static class ActivityExtensions
{
    /// <summary>A message activity with the given text.</summary>
    public static Activity CreateMessage(string? text, string? inputHint = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = inputHint,
    };

    /// <summary>The reference that lets the bot speak in this activity's conversation later.</summary>
    public static ConversationReference GetConversationReference(this Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl,
    };

    /// <summary>
    /// Addresses an outgoing activity with a reference: from the bot to the user in that conversation;
    /// <paramref name="isIncoming"/> reverses the direction (for a synthetic inbound activity).
    /// </summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            activity.Id ??= reference.ActivityId;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            if (reference.ActivityId is not null && activity.Type != ActivityTypes.ConversationUpdate && activity.ReplyToId is null)
            {
                activity.ReplyToId = reference.ActivityId;
            }
        }

        return activity;
    }

    /// <summary>A deep copy made through JSON, so later changes to either side stay apart.</summary>
    public static Activity Clone(this Activity activity) =>
        JsonSerializer.Deserialize(ActivityJson.SerializeToUtf8(activity), CoreJsonContext.Default.Activity)!;

    public static bool IsMessage(this Activity activity) => activity.Type == ActivityTypes.Message;
}
