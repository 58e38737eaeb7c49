using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>Drives the support bot (<see cref="TestHeap"/>) through the real durable adapter over memory storage: send, expect reply.</summary>
internal sealed class ConversationScript
{
    private readonly DurableBotAdapter _adapter;
    private readonly IBot _bot;
    private readonly string _conversationId = TestActivities.NewConversationId();
    private readonly Queue<Activity> _replies = new();

    public ConversationScript(MemoryStorage? storage = null)
    {
        Storage = storage ?? new MemoryStorage();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var queue = new ConversationQueue();
        var dispatcher = new OutboxDispatcher(Storage, [], queue, time, NullLogger<OutboxDispatcher>.Instance);
        _adapter = new DurableBotAdapter(Storage, Storage, Storage, dispatcher, queue, time, NullLogger<DurableBotAdapter>.Instance);
        _bot = TestHeap.CreateBot(Storage, time);
    }

    public MemoryStorage Storage { get; }

    public Task<ConversationScript> Send(string text) => Send(TestActivities.Message(text, _conversationId));

    public async Task<ConversationScript> Send(Activity activity)
    {
        activity.Conversation = new ConversationAccount(_conversationId);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var result = await _adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync);
        foreach (var reply in result.Replies)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    public ConversationScript AssertReply(string expected) => AssertReply(reply => Assert.Equal(expected, reply.Text));

    public ConversationScript AssertReply(Action<Activity> check)
    {
        Assert.True(_replies.Count > 0, "The bot sent no (further) reply.");
        check(_replies.Dequeue());
        return this;
    }

    public ConversationScript AssertNoReply()
    {
        Assert.Empty(_replies);
        return this;
    }
}

/// <summary>Lets a script read as one chain of sends and expectations.</summary>
internal static class ConversationScriptExtensions
{
    public static async Task<ConversationScript> Send(this Task<ConversationScript> script, string text) => await (await script).Send(text);

    public static async Task<ConversationScript> Send(this Task<ConversationScript> script, Activity activity) => await (await script).Send(activity);

    public static async Task<ConversationScript> AssertReply(this Task<ConversationScript> script, string expected) => (await script).AssertReply(expected);

    public static async Task<ConversationScript> AssertReply(this Task<ConversationScript> script, Action<Activity> check) => (await script).AssertReply(check);

    public static async Task<ConversationScript> AssertNoReply(this Task<ConversationScript> script) => (await script).AssertNoReply();
}
