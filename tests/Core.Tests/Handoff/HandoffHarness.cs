using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Delivery;
using SupportBot.Core.Handoff;
using SupportBot.Core.Handoff.Sqlite;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Support;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>
/// The real durable adapter with sentiment scoring and the handoff router, a SQLite handoff store, recording
/// hubs and a channel sender that records what the customer receives. The "bot" answers "bot: …" and hands
/// over when the customer writes "person please".
/// </summary>
internal sealed class HandoffHarness : IDisposable
{
    public const string ChannelId = "test";

    /// <summary>The channel the customer writes on.</summary>
    public string Channel { get; init; } = ChannelId;

    /// <summary>The customer's account on that channel.</summary>
    public string UserId { get; init; } = "user-1";

    public HandoffHarness(HandoffOptions? options = null, SqliteHandoffStore? store = null, params RecordingHub[] hubs)
        : this(options, store, null, hubs)
    {
    }

    public HandoffHarness(HandoffOptions? options, SqliteHandoffStore? store, SupportServices? support, params RecordingHub[] hubs)
    {
        Options = options ?? new HandoffOptions();
        Store = store ?? SqliteHandoffStore.OpenInMemory();
        Hubs = hubs.Length == 0 ? [new RecordingHub()] : hubs;
        Dispatcher = new OutboxDispatcher(Storage, [Sender], Queue, Time, NullLogger<OutboxDispatcher>.Instance);
        Adapter = new DurableBotAdapter(Storage, Storage, Storage, Dispatcher, Queue, Time, NullLogger<DurableBotAdapter>.Instance);
        var conversationState = new ConversationState(Storage);
        Notifier = new HandoffNotifier(Store, Hubs, Queue, Time, Options, NullLogger<HandoffNotifier>.Instance);
        Adapter.Use(new SentimentMiddleware(EmbeddedSentimentAnalyzer.Default, conversationState, new EscalationPolicy(new EscalationOptions()), Time));
        Adapter.Use(new HandoffRouter(Store, Notifier, conversationState, Time, Options, NullLogger<HandoffRouter>.Instance));
        Service = new HandoffService(Adapter, Store, Notifier, conversationState, Storage, () => Bot, Time, Options, NullLogger<HandoffService>.Instance, support?.Customers, support?.Tickets);
    }

    public MemoryStorage Storage { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public ConversationQueue Queue { get; } = new();

    public CustomerSender Sender { get; } = new();

    public OutboxDispatcher Dispatcher { get; }

    public DurableBotAdapter Adapter { get; }

    public SqliteHandoffStore Store { get; }

    public RecordingHub[] Hubs { get; }

    public RecordingHub Hub => Hubs[0];

    public HandoffNotifier Notifier { get; }

    public HandoffService Service { get; }

    public RecordingBot Bot { get; } = new();

    public HandoffOptions Options { get; }

    /// <summary>Turns the bot itself ran (the router did not take them).</summary>
    public ConcurrentQueue<string> BotTurns { get; } = new();

    public HandoffInitiation? LastInitiation { get; private set; }

    public static AgentRef Ana { get; } = new("ana", "Ana", AgentHubs.Desk);

    public static AgentRef Ben { get; } = new("ben", "Ben", AgentHubs.Teams);

    /// <summary>Sends a customer message; answers the replies of that turn.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text, string conversationId = "c1")
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Channel,
            Conversation = new ConversationAccount(conversationId),
            From = new ChannelAccount(UserId, "Sam", RoleTypes.User),
            Recipient = new ChannelAccount("bot", "SupportBot", RoleTypes.Bot),
            Text = text,
        };
        var result = await Adapter.ProcessActivityAsync(activity, BotAsync);
        return result.Replies;
    }

    /// <summary>Starts a handoff in <paramref name="conversationId"/> and waits until the first hub heard it.</summary>
    public async Task<HandoffCase> HandOverAsync(string conversationId = "c1")
    {
        var before = Hub.Heard.Count;
        await SayAsync("my order 4411 arrived broken", conversationId);
        await SayAsync("person please", conversationId);
        await Hub.WaitForAsync(before + 1);
        return LastInitiation!.Case;
    }

    /// <summary>Everything the customer's channel received, as text.</summary>
    public List<Activity> CustomerReceived(string conversationId = "c1") =>
        Sender.Delivered.Where(a => a.Conversation?.Id == conversationId).ToList();

    public void Dispose() => Store.Dispose();

    private async Task BotAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        BotTurns.Enqueue(turn.Activity.Text ?? string.Empty);
        if (turn.Activity.Text is "person please" or "person please, then fail")
        {
            LastInitiation = await Service.InitiateAsync(turn, new HandoffRequest
            {
                Reason = new HandoffReason(HandoffReasonKinds.ExplicitRequest, ["explicit-request"]),
                Stage = "lead",
                Facts = new Dictionary<string, string> { ["orderNumber"] = "4411", ["problem"] = "arrived broken" },
                Said = ["my order 4411 arrived broken"],
                Tried = ["article:returns"],
                CustomerName = "Sam",
            }, cancellationToken);
            if (turn.Activity.Text.EndsWith("fail", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the bot broke after handing over");
            }

            await turn.SendActivityAsync($"A person is coming; you are number {LastInitiation.Position}.", cancellationToken: cancellationToken);
            return;
        }

        await turn.SendActivityAsync("bot: " + turn.Activity.Text, cancellationToken: cancellationToken);
    }
}

/// <summary>The customer's channel: records every activity delivered.</summary>
internal sealed class CustomerSender : IChannelSender
{
    public ConcurrentQueue<Activity> Delivered { get; } = new();

    public bool CanSend(string channelId) => true;

    public Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        Delivered.Enqueue(entry.Activity);
        return Task.FromResult<ResourceResponse?>(new ResourceResponse(entry.Activity.Id ?? "x"));
    }
}

/// <summary>The bot's side of a handoff's end: records the call and answers like the HEAP bot would.</summary>
internal sealed class RecordingBot : IHandoffBot
{
    public ConcurrentQueue<HandoffCase> Ended { get; } = new();

    public Task OnHandoffEndedAsync(ITurnContext turnContext, HandoffCase handoffCase, CancellationToken cancellationToken = default)
    {
        Ended.Enqueue(handoffCase);
        return turnContext.SendActivityAsync($"back with the bot after {handoffCase.Status}", cancellationToken: cancellationToken);
    }
}
