namespace SupportBot.Core.Storage;

/// <summary>Identifies one inbound activity for duplicate detection: channel, conversation and activity id.</summary>
public readonly record struct ActivityKey(string ChannelId, string ConversationId, string ActivityId);
