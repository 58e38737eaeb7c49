using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Tests.Turns;

/// <summary>A real <see cref="DurableBotAdapter"/> over a store, with a channel sender the test controls.</summary>
internal sealed class AdapterHarness
{
    public AdapterHarness(MemoryStorage? storage = null)
    {
        Storage = storage ?? new MemoryStorage();
        Dispatcher = new OutboxDispatcher(Storage, [Sender], Queue, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        Adapter = new DurableBotAdapter(Storage, Storage, Storage, Dispatcher, Queue, TimeProvider.System, NullLogger<DurableBotAdapter>.Instance);
    }

    public MemoryStorage Storage { get; }

    public ConversationQueue Queue { get; } = new();

    public RecordingSender Sender { get; } = new();

    public OutboxDispatcher Dispatcher { get; }

    public DurableBotAdapter Adapter { get; }

    public static Activity Message(string text, string conversationId = "c1", string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        ChannelId = "test",
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("user-1", "Ann", RoleTypes.User),
        Recipient = new ChannelAccount("bot", "SupportBot", RoleTypes.Bot),
        Text = text,
    };

    public async Task<IReadOnlyList<Activity>> TranscriptAsync(string conversationId = "c1") =>
        (await Storage.GetTranscriptActivitiesAsync("test", conversationId)).Activities;
}

/// <summary>Records what reaches the channel; can be told to fail.</summary>
internal sealed class RecordingSender : IChannelSender
{
    public ConcurrentQueue<Activity> Delivered { get; } = new();

    public bool Failing { get; set; }

    public bool CanSend(string channelId) => channelId == "test";

    public Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new HttpRequestException("channel down");
        }

        Delivered.Enqueue(entry.Activity);
        return Task.FromResult<ResourceResponse?>(new ResourceResponse(entry.Activity.Id!));
    }
}
