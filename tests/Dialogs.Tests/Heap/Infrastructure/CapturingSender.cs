using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Dialogs.Tests.Heap.Infrastructure;

/// <summary>Catches what the outbox delivers (proactive follow-ups arrive here, not in a turn's replies).</summary>
internal sealed class CapturingSender : IChannelSender
{
    public List<Activity> Delivered { get; } = [];

    public bool CanSend(string channelId) => true;

    public Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        lock (Delivered)
        {
            Delivered.Add(entry.Activity);
        }

        return Task.FromResult<ResourceResponse?>(new ResourceResponse(entry.Activity.Id ?? "x"));
    }
}
