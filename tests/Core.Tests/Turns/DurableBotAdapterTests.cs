using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Tests.Turns;

public sealed class DurableBotAdapterTests
{
    [Fact]
    public async Task Process_Message_ReplyIsAddressedCommittedAndDelivered()
    {
        var harness = new AdapterHarness();

        var result = await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("hello", id: "in-1"),
            (turn, ct) => turn.SendActivityAsync($"You said {turn.Activity.Text}", cancellationToken: ct));

        var reply = Assert.Single(result.Replies);
        Assert.Equal("You said hello", reply.Text);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("user-1", reply.Recipient!.Id);
        Assert.Equal("c1", reply.Conversation!.Id);
        Assert.Equal("You said hello", Assert.Single(harness.Sender.Delivered).Text);
        Assert.Empty(await harness.Storage.ReadPendingAsync(10));
        Assert.Equal(["hello", "You said hello"], (await harness.TranscriptAsync()).Select(a => a.Text));
    }

    [Fact]
    public async Task Process_SameActivityTwiceConcurrently_RunsOneTurn()
    {
        var harness = new AdapterHarness();
        var turns = 0;
        BotCallbackHandler bot = async (turn, ct) =>
        {
            Interlocked.Increment(ref turns);
            await Task.Yield();
            await turn.SendActivityAsync("answer", cancellationToken: ct);
        };

        var results = await Task.WhenAll(
            Task.Run(() => harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("hello", id: "same"), bot)),
            Task.Run(() => harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("hello", id: "same"), bot)));

        Assert.Equal(1, turns);
        Assert.Single(results, r => r.Duplicate);
        Assert.All(results, r => Assert.Equal("answer", Assert.Single(r.Replies).Text));
        Assert.Single(harness.Sender.Delivered);
        Assert.Equal(["hello", "answer"], (await harness.TranscriptAsync()).Select(a => a.Text));
    }

    [Fact]
    public async Task Process_ManyMessagesOneConversation_TurnsNeverOverlap()
    {
        var harness = new AdapterHarness();
        var running = 0;
        var maxRunning = 0;
        BotCallbackHandler bot = async (turn, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await Task.Delay(1, ct);
            Interlocked.Decrement(ref running);
        };

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => harness.Adapter.ProcessActivityAsync(AdapterHarness.Message($"m{i}"), bot))));

        Assert.Equal(1, maxRunning);
        Assert.Equal(30, (await harness.TranscriptAsync()).Count);
    }

    [Fact]
    public async Task Process_DifferentConversations_RunSideBySide()
    {
        var harness = new AdapterHarness();
        var bothInside = new TaskCompletionSource();
        var inside = 0;
        BotCallbackHandler bot = async (turn, ct) =>
        {
            if (Interlocked.Increment(ref inside) == 2)
            {
                bothInside.SetResult();
            }

            await bothInside.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        };

        await Task.WhenAll(
            harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("a", "c1"), bot),
            harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("b", "c2"), bot));

        Assert.True(bothInside.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Process_StateChangedByAnotherInstance_RerunsOnFreshStateWithoutDoubleReplies()
    {
        var harness = new AdapterHarness();
        var state = new ConversationState(harness.Storage);
        var visits = state.CreateProperty<List<string>>("visits");
        await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("first"), async (turn, ct) =>
            (await visits.GetAsync(turn, () => [], ct))!.Add("first"));
        var attempts = 0;

        var result = await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("second"), async (turn, ct) =>
        {
            attempts++;
            var list = (await visits.GetAsync(turn, () => [], ct))!;
            if (attempts == 1)
            {
                // Another instance commits a turn of this conversation after we loaded the state.
                var key = $"test/conversations/c1";
                var stored = (await harness.Storage.ReadAsync([key], ct))[key];
                var other = System.Text.Json.Nodes.JsonNode.Parse(stored.Value.GetRawText())!.AsObject();
                other["visits"]!.AsArray().Add("other instance");
                await harness.Storage.WriteAsync(new Dictionary<string, StoreItem>
                {
                    [key] = new(System.Text.Json.JsonSerializer.SerializeToElement(other), stored.ETag),
                }, ct);
            }

            list.Add("second");
            await turn.SendActivityAsync($"attempt {attempts}", cancellationToken: ct);
        });

        Assert.Equal(2, attempts);
        Assert.Equal("attempt 2", Assert.Single(result.Replies).Text);
        Assert.Equal(["attempt 2"], harness.Sender.Delivered.Select(a => a.Text));
        var saved = (await harness.Storage.ReadAsync(["test/conversations/c1"]))["test/conversations/c1"];
        Assert.Equal(["first", "other instance", "second"], saved.Value.GetProperty("visits").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Process_ChannelDown_RepliesWaitInOutboxAndArriveOnceInOrder()
    {
        var harness = new AdapterHarness();
        harness.Sender.Failing = true;
        BotCallbackHandler bot = (turn, ct) => turn.SendActivitiesAsync(
            [ActivityExtensions.CreateMessage($"{turn.Activity.Text}-a"), ActivityExtensions.CreateMessage($"{turn.Activity.Text}-b")], ct);

        await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("1"), bot);
        harness.Sender.Failing = false;
        await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("2"), bot);

        Assert.Empty(harness.Sender.Delivered);
        Assert.Equal(4, (await harness.Storage.ReadPendingAsync(10)).Count);

        Assert.Equal(0, await harness.Dispatcher.RetryPendingAsync());
        Assert.Equal(0, await harness.Dispatcher.RetryPendingAsync());

        Assert.Equal(["1-a", "1-b", "2-a", "2-b"], harness.Sender.Delivered.Select(a => a.Text));
        Assert.Empty(await harness.Storage.ReadPendingAsync(10));
    }

    [Fact]
    public async Task Retry_AfterRestartWithCommittedUndeliveredReplies_DeliversThemOnce()
    {
        // The first process commits and dies before delivering (its channel never took the reply).
        var storage = new MemoryStorage();
        var crashed = new AdapterHarness(storage);
        crashed.Sender.Failing = true;
        await crashed.Adapter.ProcessActivityAsync(AdapterHarness.Message("hello", id: "in-1"), (turn, ct) => turn.SendActivityAsync("reply", cancellationToken: ct));

        var restarted = new AdapterHarness(storage);
        await restarted.Dispatcher.RetryPendingAsync();
        await restarted.Dispatcher.RetryPendingAsync();
        var again = await restarted.Adapter.ProcessActivityAsync(AdapterHarness.Message("hello", id: "in-1"), (turn, ct) => turn.SendActivityAsync("reply", cancellationToken: ct));

        Assert.Equal(["reply"], restarted.Sender.Delivered.Select(a => a.Text));
        Assert.True(again.Duplicate);
    }

    [Fact]
    public async Task Process_BotThrows_ApologisesKeepsMessageAndDropsStateChanges()
    {
        var harness = new AdapterHarness();
        var state = new ConversationState(harness.Storage);
        var note = state.CreateProperty<string>("note");

        var result = await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("boom", id: "in-1"), async (turn, ct) =>
        {
            await note.SetAsync(turn, "half-done", ct);
            await turn.SendActivityAsync("partial reply", cancellationToken: ct);
            throw new InvalidOperationException("bug");
        });

        Assert.Equal(DurableBotAdapter.ErrorReply, Assert.Single(result.Replies).Text);
        Assert.Equal(["boom", DurableBotAdapter.ErrorReply], (await harness.TranscriptAsync()).Select(a => a.Text));
        Assert.Empty(await harness.Storage.ReadAsync(["test/conversations/c1"]));
        Assert.True(await harness.Storage.IsProcessedAsync(new ActivityKey("test", "c1", "in-1")));
    }

    [Theory]
    [InlineData(null, "c1", "test", "user", "no 'type'")]
    [InlineData("message", null, "test", "user", "no 'conversation.id'")]
    [InlineData("message", "c1", null, "user", "no 'channelId'")]
    [InlineData("message", "c1", "test", null, "no 'from.id'")]
    [InlineData("shout", "c1", "test", "user", "Unknown activity type 'shout'")]
    public async Task Process_InvalidActivity_RejectedBeforeAnythingIsStored(string? type, string? conversation, string? channel, string? from, string message)
    {
        var harness = new AdapterHarness();
        var activity = new Activity
        {
            Type = type,
            Id = "x",
            ChannelId = channel,
            Conversation = conversation is null ? null : new ConversationAccount(conversation),
            From = from is null ? null : new ChannelAccount(from),
        };
        var ran = false;

        var ex = await Assert.ThrowsAsync<InvalidActivityException>(() => harness.Adapter.ProcessActivityAsync(activity, (_, _) =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        Assert.Contains(message, ex.Message);
        Assert.Equal(ErrorCodes.BadArgument, ex.Code);
        Assert.False(ran);
        Assert.Empty(await harness.TranscriptAsync());
    }

    [Fact]
    public async Task ContinueConversation_FromStoredReference_SendsProactiveMessage()
    {
        var harness = new AdapterHarness();
        ConversationReference? reference = null;
        await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("hi"), (turn, _) =>
        {
            reference = turn.Activity.GetConversationReference();
            return Task.CompletedTask;
        });

        await harness.Adapter.ContinueConversationAsync(reference!, (turn, ct) => turn.SendActivityAsync("Your ticket is resolved.", cancellationToken: ct));

        var sent = Assert.Single(harness.Sender.Delivered);
        Assert.Equal("Your ticket is resolved.", sent.Text);
        Assert.Equal("user-1", sent.Recipient!.Id);
        Assert.Equal("c1", sent.Conversation!.Id);
        Assert.Equal(["hi", "Your ticket is resolved."], (await harness.TranscriptAsync()).Select(a => a.Text));
    }

    [Fact]
    public async Task Process_MiddlewareAndSendHooks_RunInOrder()
    {
        var harness = new AdapterHarness();
        var order = new List<string>();
        harness.Adapter.Use(new RecordingMiddleware("first", order)).Use(new RecordingMiddleware("second", order));

        var result = await harness.Adapter.ProcessActivityAsync(AdapterHarness.Message("hi"), async (turn, ct) =>
        {
            order.Add("bot");
            turn.OnSendActivities(async (ctx, activities, next) =>
            {
                activities.ForEach(a => a.Text += " (checked)");
                return await next();
            });
            await turn.SendActivityAsync("reply", cancellationToken: ct);
            Assert.True(turn.Responded);
        });

        Assert.Equal(["first:before", "second:before", "bot", "second:after", "first:after"], order);
        Assert.Equal("reply (checked)", Assert.Single(result.Replies).Text);
    }

    [Fact]
    public async Task Process_InboundWithoutRecipient_ReplyComesFromDefaultBot()
    {
        var harness = new AdapterHarness();
        var inbound = AdapterHarness.Message("hi");
        inbound.Recipient = null;

        var result = await harness.Adapter.ProcessActivityAsync(inbound, (turn, ct) => turn.SendActivityAsync("hello", cancellationToken: ct));

        Assert.Equal(DurableBotAdapter.DefaultBotId, Assert.Single(result.Replies).From!.Id);
        Assert.Equal(RoleTypes.Bot, result.Replies[0].From!.Role);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class RecordingMiddleware(string name, List<string> order) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            order.Add($"{name}:before");
            await next(cancellationToken);
            order.Add($"{name}:after");
        }
    }
}
