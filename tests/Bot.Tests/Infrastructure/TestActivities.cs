using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>Customer activities as a webhook channel would post them.</summary>
internal static class TestActivities
{
    public static Activity Message(string text, string conversationId, string channelId = "test", string? id = null, bool expectReplies = true) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = "http://127.0.0.1:9/",
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("customer-1", role: RoleTypes.User),
        Recipient = new ChannelAccount("supportbot", role: RoleTypes.Bot),
        Text = text,
        DeliveryMode = expectReplies ? DeliveryModes.ExpectReplies : null,
    };

    public static string NewConversationId() => "conv-" + Guid.NewGuid().ToString("N");
}
