using SupportBot.Core.Schema;

namespace SupportBot.BotService.Tests.Infrastructure;

/// <summary>Inbound activities shaped as a Bot Connector channel posts them to /api/messages.</summary>
public static class TeamsActivities
{
    /// <summary>A customer's personal-chat message on <paramref name="channelId"/> from <paramref name="serviceUrl"/>.</summary>
    public static Activity Message(string text, string serviceUrl, string? conversationId = null, string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(conversationId ?? "a:" + Guid.NewGuid().ToString("N")) { ConversationType = "personal", TenantId = "tenant-1" },
        From = new ChannelAccount("29:customer-" + Guid.NewGuid().ToString("N")[..8], "Casey Customer", RoleTypes.User),
        Recipient = new ChannelAccount("28:bot-app-id", "SupportBot", RoleTypes.Bot),
        Text = text,
        Locale = "en-GB",
    };
}
