using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.DirectLine;

/// <summary>
/// Delivers the bot's activities (messages, typing, suggested actions — unchanged) to Direct Line
/// conversations: each is appended to the conversation's durable activity log, where it takes the next
/// watermark, and pushed to the conversation's open stream. A retried outbox entry is logged once.
/// </summary>
internal sealed class DirectLineSender(DirectLineConversations conversations) : IChannelSender
{
    /// <inheritdoc />
    public bool CanSend(string channelId) => channelId == DirectLineOptions.ChannelId;

    /// <inheritdoc />
    public async Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var conversationId = entry.Activity.Conversation?.Id
            ?? throw new InvalidOperationException($"Outbox entry {entry.Sequence} names no conversation.");
        var result = await conversations.AppendDeliveredAsync(conversationId, DirectLineActivityMapper.ToOutbound(entry), entry.Sequence, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(result.Activities.Count > 0 ? result.Activities[0].Id ?? string.Empty : entry.Activity.Id ?? string.Empty);
    }
}
