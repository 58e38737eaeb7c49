using System.Text.Json;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine;

/// <summary>Turns what a Direct Line client posted into the activity the bot sees. Pure.</summary>
internal static class DirectLineActivityMapper
{
    /// <summary>The bot's account in Direct Line conversations.</summary>
    public static readonly ChannelAccount Bot = new("supportbot", "SupportBot", RoleTypes.Bot);

    /// <summary>
    /// The posted activity as the bot sees it: channel <see cref="DirectLineOptions.ChannelId"/> (Web Chat's
    /// <c>webchat</c> stamp is replaced), the URL's conversation, and — for a token — the token's user as
    /// <c>from</c> with role <c>user</c>, so a customer can never post as the bot, an agent or another user.
    /// The id and timestamp are the server's (given when the activity is logged).
    /// </summary>
    public static Activity ToInbound(Activity posted, DirectLineCaller caller, string conversationId, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(caller);
        var from = caller.Token is { } token
            ? new ChannelAccount(token.UserId, token.UserName ?? posted.From?.Name, RoleTypes.User)
            : new ChannelAccount(posted.From!.Id!, posted.From.Name, RoleTypes.User);
        return posted with
        {
            Id = null,
            Timestamp = null,
            ChannelId = DirectLineOptions.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversationId),
            From = from,
            Recipient = Bot,
            DeliveryMode = null,
            CallerId = null,
        };
    }

    /// <summary>The <c>channelData.clientActivityID</c> Web Chat stamps on every outgoing activity, if any.</summary>
    public static string? ClientActivityIdOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("clientActivityID", out var id)
            && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        return null;
    }

    /// <summary>What a client must see for a delivered outbox entry: an update is a <c>messageUpdate</c>.</summary>
    public static Activity ToOutbound(Core.Storage.OutboxEntry entry) => entry.Operation switch
    {
        Core.Storage.OutboxOperation.Update => entry.Activity with { Type = ActivityTypes.MessageUpdate },
        Core.Storage.OutboxOperation.Delete => entry.Activity with { Type = ActivityTypes.MessageDelete },
        _ => entry.Activity,
    };
}
