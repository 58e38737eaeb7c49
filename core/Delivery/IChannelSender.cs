using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Delivery;

/// <summary>
/// Carries committed outbox entries to one channel (the console, Direct Line, a Bot Connector service
/// URL, SMTP …). Throwing leaves the entry in the outbox for a later retry.
/// </summary>
public interface IChannelSender
{
    /// <summary>True when this sender delivers for <paramref name="channelId"/>.</summary>
    bool CanSend(string channelId);

    Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default);
}
