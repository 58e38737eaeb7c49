using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap;
using SupportBot.Dialogs.Heap.Actions;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Tests.Infrastructure;
using Xunit.Sdk;

namespace SupportBot.Dialogs.Tests.Heap.Infrastructure;

/// <summary>
/// Runs the HEAP conversation through the real durable adapter, memory storage and the real sentiment
/// middleware, with fake business plugins in a real Kernel. Each turn builds the conversation afresh, as
/// a restarted process would, so everything must come through storage.
/// </summary>
internal sealed class HeapFlow
{
    public const string ChannelId = "webchat";

    private readonly ExceptionLogger<DurableBotAdapter> _logger = new();

    public HeapFlow(ServicePolicyOptions? policy = null, bool sentiment = true, MemoryStorage? storage = null, TestSupport? support = null, FakeTimeProvider? time = null)
    {
        Storage = storage ?? new MemoryStorage();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 10, 0, 0, TimeSpan.Zero)); // a Monday, agents at work
        Policy = policy ?? DefaultPolicy();
        Support = support ?? new TestSupport(Time, () => Policy.RefundLimit);
        Bursts = new SupportBot.Dialogs.Heap.Burst.BurstScheduler(Time);
        var queue = new ConversationQueue();
        var dispatcher = new OutboxDispatcher(Storage, [Sender], queue, Time, NullLogger<OutboxDispatcher>.Instance);
        Adapter = new DurableBotAdapter(Storage, Storage, Storage, dispatcher, queue, Time, _logger);
        if (sentiment)
        {
            Adapter.Use(new SentimentMiddleware(EmbeddedSentimentAnalyzer.Default, new ConversationState(Storage), new EscalationPolicy(new EscalationOptions()), Time));
        }
    }

    public MemoryStorage Storage { get; }

    public TestSupport Support { get; }

    public FakeTimeProvider Time { get; }

    public ServicePolicyOptions Policy { get; }

    public DurableBotAdapter Adapter { get; }

    public CapturingSender Sender { get; } = new();

    /// <summary>Shared by every turn, as the host's singleton is.</summary>
    public SupportBot.Dialogs.Heap.Burst.BurstScheduler Bursts { get; private set; } = null!;

    /// <summary>False sends like a push channel (replies through the outbox, in <see cref="Sender"/>) instead of expectReplies.</summary>
    public bool ExpectReplies { get; set; } = true;

    public string ConversationId { get; set; } = "conv-" + Guid.NewGuid().ToString("N")[..8];

    public string UserId { get; set; } = "user1";

    public string? UserName { get; set; }

    /// <summary>Every bot message of the conversation so far, in order.</summary>
    public List<Activity> Transcript { get; } = [];

    public static ServicePolicyOptions DefaultPolicy()
    {
        var policy = new ServicePolicyOptions
        {
            AgentHours = new AgentHours { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], Open = "09:00", Close = "17:00", TimeZone = "UTC" },
        };
        ServicePolicyDefaults.Apply(policy);
        return policy;
    }

    public HeapServices Services() => new(Policy, new KernelSupportActions(Support.Kernel), new ConversationState(Storage), new UserState(Storage), new FollowUpStore(Storage), Time) { Handoff = Handoff };

    /// <summary>Live handoff for the escalation (see <see cref="HandoffSetup"/>); null keeps the ticket fallback.</summary>
    public SupportBot.Core.Handoff.HandoffService? Handoff { get; set; }

    /// <summary>Sends a customer message; answers the bot's message replies.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Text = text,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount(ConversationId),
            From = new ChannelAccount(UserId, UserName, RoleTypes.User),
            Recipient = new ChannelAccount("bot", "SupportBot", RoleTypes.Bot),
            DeliveryMode = ExpectReplies ? DeliveryModes.ExpectReplies : null,
        };
        var conversation = new HeapConversation(Services(), Bursts);
        var result = await Adapter.ProcessActivityAsync(activity, conversation.OnTurnAsync);
        var replies = result.Replies.Where(r => r.Type == ActivityTypes.Message).ToList();
        if (!ExpectReplies)
        {
            Sender.Delivered.Clear(); // this turn's own replies are in the result; WaitAsync reads later pushes
        }

        if (replies.Any(r => r.Text == DurableBotAdapter.ErrorReply))
        {
            throw new XunitException($"The turn for '{text}' failed: {string.Join(Environment.NewLine, _logger.Exceptions)}");
        }

        Transcript.AddRange(replies);
        return replies;
    }

    /// <summary>Lets time pass (the burst quiet period) and answers what the bot pushed meanwhile.</summary>
    public async Task<string> WaitAsync(TimeSpan time)
    {
        Time.Advance(time);
        await Bursts.WhenIdleAsync();
        var pushed = Sender.Delivered.Where(a => a.Type == ActivityTypes.Message).ToList();
        Sender.Delivered.Clear();
        Transcript.AddRange(pushed);
        return string.Join("\n", pushed.Select(a => a.Text));
    }

    /// <summary>Sends and answers the text of all replies joined, for assertions on behaviour.</summary>
    public async Task<string> SayAsync(string text) => string.Join("\n", (await SendAsync(text)).Select(r => r.Text));

    /// <summary>Resolves a ticket and answers what the customer was sent proactively.</summary>
    public async Task<IReadOnlyList<Activity>> ResolveTicketAsync(string ticketId, string resolution)
    {
        var before = Sender.Delivered.Count;
        var services = Services();
        var notifier = new TicketResolutionNotifier(Adapter, services.FollowUps, new HeapConversation(services), services.Actions);
        Assert.True(await notifier.ResolveAndNotifyAsync(ticketId, resolution));
        var sent = Sender.Delivered.Skip(before).Where(a => a.Type == ActivityTypes.Message).ToList();
        Transcript.AddRange(sent);
        return sent;
    }

    public async Task<T?> ReadConversationStateAsync<T>(string property)
    {
        var key = $"{ChannelId}/conversations/{ConversationId}";
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var item) && item.Value.TryGetProperty(property, out var value)
            ? System.Text.Json.JsonSerializer.Deserialize<T>(value, StateJson.Options)
            : default;
    }

    public async Task<T?> ReadUserStateAsync<T>(string property)
    {
        var key = $"{ChannelId}/users/{UserId}";
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var item) && item.Value.TryGetProperty(property, out var value)
            ? System.Text.Json.JsonSerializer.Deserialize<T>(value, StateJson.Options)
            : default;
    }
}
