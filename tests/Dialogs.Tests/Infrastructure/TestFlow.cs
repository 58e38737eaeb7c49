using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;
using Xunit.Sdk;

namespace SupportBot.Dialogs.Tests.Infrastructure;

/// <summary>
/// A conversation script over the real <see cref="DurableBotAdapter"/> and <see cref="MemoryStorage"/>:
/// <c>Send("hi").AssertReply("What's your name?")…StartTestAsync()</c>. Each turn builds a fresh
/// <see cref="ConversationState"/> (and, with <see cref="ForDialog"/>, fresh dialogs), as a restarted
/// process would, so everything a dialog remembers has to come through storage. Replies must all be
/// asserted before the next message is sent.
/// </summary>
internal sealed class TestFlow
{
    public const string ChannelId = "test";
    public const string ConversationId = "conv1";
    public const string DialogStateProperty = "DialogState";

    /// <summary>The storage key of the conversation state.</summary>
    public const string StateKey = ChannelId + "/conversations/" + ConversationId;

    private readonly List<Func<Task>> _steps = [];
    private readonly Queue<Activity> _replies = new();
    private readonly Func<ITurnContext, ConversationState, CancellationToken, Task> _logic;
    private readonly DurableBotAdapter _adapter;
    private readonly ExceptionLogger<DurableBotAdapter> _logger = new();

    public TestFlow(Func<ITurnContext, ConversationState, CancellationToken, Task> logic, MemoryStorage? storage = null)
    {
        _logic = logic;
        Storage = storage ?? new MemoryStorage();
        var queue = new ConversationQueue();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var dispatcher = new OutboxDispatcher(Storage, [], queue, time, NullLogger<OutboxDispatcher>.Instance);
        _adapter = new DurableBotAdapter(Storage, Storage, Storage, dispatcher, queue, time, _logger);
    }

    public MemoryStorage Storage { get; }

    /// <summary>The result of the root dialog in the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>A flow that runs the dialog made by <paramref name="createRoot"/> with <see cref="DialogExtensions.RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, CancellationToken)"/>.</summary>
    public static TestFlow ForDialog(Func<Dialog> createRoot, MemoryStorage? storage = null)
    {
        TestFlow? flow = null;
        flow = new TestFlow(
            async (turnContext, state, ct) =>
            {
                var accessor = state.CreateProperty<DialogState>(DialogStateProperty);
                flow!.LastResult = await createRoot().RunAsync(turnContext, accessor, ct);
            },
            storage);
        return flow;
    }

    /// <summary>A flow whose turns run <paramref name="rootId"/> from a set of dialogs (a waterfall and its prompts side by side).</summary>
    public static TestFlow ForDialogs(string rootId, Func<IEnumerable<Dialog>> createDialogs, MemoryStorage? storage = null)
    {
        TestFlow? flow = null;
        flow = new TestFlow(
            async (turnContext, state, ct) =>
            {
                var dialogs = new DialogSet(state.CreateProperty<DialogState>(DialogStateProperty));
                foreach (var dialog in createDialogs())
                {
                    dialogs.Add(dialog);
                }

                flow!.LastResult = await dialogs.RunAsync(turnContext, rootId, ct);
            },
            storage);
        return flow;
    }

    public TestFlow Send(string text) => Send(ActivityExtensions.CreateMessage(text));

    public TestFlow Send(Activity activity)
    {
        _steps.Add(async () =>
        {
            AssertAllRepliesRead();
            // Unique across flows: a second flow over the same storage (a restarted process) must not look like a retry.
            activity.Id ??= Guid.NewGuid().ToString("N");
            activity.ChannelId ??= ChannelId;
            activity.Conversation ??= new ConversationAccount(ConversationId);
            activity.From ??= new ChannelAccount("user1", "Ann", "user");
            activity.Recipient ??= new ChannelAccount("bot", "SupportBot", "bot");
            activity.DeliveryMode = DeliveryModes.ExpectReplies;
            var result = await _adapter.ProcessActivityAsync(activity, (tc, ct) => _logic(tc, new ConversationState(Storage), ct));
            foreach (var reply in result.Replies)
            {
                if (reply.Type == ActivityTypes.Message && reply.Text == DurableBotAdapter.ErrorReply)
                {
                    throw new XunitException($"The turn for '{activity.Text}' failed: {string.Join(Environment.NewLine, _logger.Exceptions)}");
                }

                _replies.Enqueue(reply);
            }
        });
        return this;
    }

    public TestFlow AssertReply(string expectedText) =>
        AssertReply(reply => Assert.Equal(expectedText, reply.Text));

    public TestFlow AssertReply(Action<Activity> check)
    {
        _steps.Add(() =>
        {
            if (!_replies.TryDequeue(out var reply))
            {
                throw new XunitException("Expected a reply, but the bot sent nothing more.");
            }

            check(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    public TestFlow AssertNoReply()
    {
        _steps.Add(() =>
        {
            AssertAllRepliesRead();
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Runs an arbitrary step between turns (inspect or tamper with storage).</summary>
    public TestFlow Do(Func<Task> step)
    {
        _steps.Add(step);
        return this;
    }

    /// <summary>Writes the conversation's stored state as raw JSON, as an older version of the bot might have left it.</summary>
    public TestFlow SeedState(string json) => Do(() =>
        Storage.WriteAsync(new Dictionary<string, StoreItem> { [StateKey] = new(JsonDocument.Parse(json).RootElement.Clone(), StoreItem.AnyETag) }));

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }

        AssertAllRepliesRead();
    }

    /// <summary>The conversation's stored state as JSON.</summary>
    public async Task<JsonElement?> ReadStateAsync()
    {
        var items = await Storage.ReadAsync([StateKey]);
        return items.TryGetValue(StateKey, out var item) ? item.Value : null;
    }

    private void AssertAllRepliesRead()
    {
        if (_replies.Count > 0)
        {
            throw new XunitException($"Unexpected reply: '{_replies.Peek().Text}' ({_replies.Count} unread).");
        }
    }
}
