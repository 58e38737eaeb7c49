using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Storage.Sqlite;
using SupportBot.Core.Turns;

namespace SupportBot.Bench;

/// <summary>
/// Turns per second through the real path: DurableBotAdapter (lane, dedupe, commit, outbox, delivery),
/// conversation state and the dialog stack, for in-memory and SQLite storage.
/// </summary>
internal static class TurnsBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);

    private static SupportBot.Core.Handoff.IHandoffStore? _handoffStore;

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = ReadOption(args, "--conversations", 50_000);
        var workers = ReadOption(args, "--workers", Environment.ProcessorCount * 4);
        var storage = ReadText(args, "--storage", "all");
        var synchronous = Enum.Parse<SqliteSynchronous>(ReadText(args, "--synchronous", "Normal"), ignoreCase: true);
        // --handoff: the host's handoff routing middleware on every turn (conversations without a handoff), to
        // show what it costs a conversation that is never handed over.
        using var handoffStore = args.Contains("--handoff") ? SupportBot.Core.Handoff.Sqlite.SqliteHandoffStore.OpenInMemory() : null;
        _handoffStore = handoffStore;

        if (storage is "all" or "memory")
        {
            using var memory = new StoreHandle(new MemoryStorage(), null);
            await WarmUpAsync("memory", memory, workers);
            await MeasureAsync("memory", memory, conversations, workers, print: true);
        }

        if (storage is not ("all" or "sqlite"))
        {
            return 0;
        }

        var folder = Path.Combine(Path.GetTempPath(), "supportbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sqlite = SqliteStorage.Open(new SqliteStorageOptions { FilePath = Path.Combine(folder, "bench.db"), Synchronous = synchronous });
            using var handle = new StoreHandle(sqlite, sqlite);
            await WarmUpAsync("sqlite", handle, workers);
            await MeasureAsync("sqlite", handle, conversations, workers, print: true, synchronous: synchronous.ToString().ToLowerInvariant());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// Runs the script for a few seconds unmeasured, so the JIT has promoted the hot paths to optimised
    /// code (tiered compilation) before the measured run: the figure is the steady state of a running host.
    /// </summary>
    private static async Task WarmUpAsync(string storageName, StoreHandle store, int workers)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < WarmUp)
        {
            await MeasureAsync(storageName, store, 2_000, workers);
        }
    }

    private static async Task MeasureAsync(string storageName, StoreHandle store, int conversations, int workers, bool print = false, string? synchronous = null)
    {
        var queue = new ConversationQueue();
        var sender = new CountingSender();
        var dispatcher = new OutboxDispatcher(store.Outbox, [sender], queue, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        var adapter = new DurableBotAdapter(store.Turns, store.Transcripts, store.Outbox, dispatcher, queue, TimeProvider.System, NullLogger<DurableBotAdapter>.Instance);
        var bot = new BenchWaterfall(new ConversationState(store.Storage));
        if (_handoffStore is { } handoffStore)
        {
            var options = new SupportBot.Core.Handoff.HandoffOptions();
            var notifier = new SupportBot.Core.Handoff.HandoffNotifier(handoffStore, [], queue, TimeProvider.System, options, NullLogger<SupportBot.Core.Handoff.HandoffNotifier>.Instance);
            adapter.Use(new SupportBot.Core.Handoff.HandoffRouter(handoffStore, notifier, new ConversationState(store.Storage), TimeProvider.System, options, NullLogger<SupportBot.Core.Handoff.HandoffRouter>.Instance));
        }

        var prefix = Guid.NewGuid().ToString("N")[..8];
        var next = -1;

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < conversations)
            {
                var conversationId = $"{prefix}-{index}";
                for (var turn = 0; turn < BenchWaterfall.Script.Length; turn++)
                {
                    await adapter.ProcessActivityAsync(Message(conversationId, turn), bot.OnTurnAsync);
                }
            }
        })));
        stopwatch.Stop();

        var turns = conversations * BenchWaterfall.Script.Length;
        if (sender.Count != turns || sender.Completed != conversations)
        {
            throw new InvalidOperationException(
                $"Expected {turns} replies and {conversations} finished dialogs; got {sender.Count} and {sender.Completed}: the dialog did not walk the script.");
        }

        if (print)
        {
            var line = new Dictionary<string, object>
            {
                ["benchmark"] = "turns",
                ["storage"] = storageName,
                ["conversations"] = conversations,
                ["turns"] = turns,
                ["seconds"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
                ["turnsPerSecond"] = Math.Round(turns / stopwatch.Elapsed.TotalSeconds),
                ["allocatedKBPerTurn"] = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / turns, 1),
                ["workers"] = workers,
            };
            if (synchronous is not null)
            {
                line["synchronous"] = synchronous;
            }

            if (_handoffStore is not null)
            {
                line["handoffRouter"] = true;
            }

            Console.WriteLine(JsonSerializer.Serialize(line));
        }
    }

    private static Activity Message(string conversationId, int turn) => new()
    {
        Type = ActivityTypes.Message,
        Id = turn.ToString(CultureInfo.InvariantCulture),
        ChannelId = "bench",
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("customer", role: RoleTypes.User),
        Recipient = new ChannelAccount("supportbot", role: RoleTypes.Bot),
        Text = BenchWaterfall.Script[turn],
    };

    private static string ReadText(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class StoreHandle(object store, IDisposable? owner) : IDisposable
    {
        public IStorage Storage { get; } = (IStorage)store;

        public ITurnStore Turns { get; } = (ITurnStore)store;

        public ITranscriptStore Transcripts { get; } = (ITranscriptStore)store;

        public IOutboxStore Outbox { get; } = (IOutboxStore)store;

        public void Dispose() => owner?.Dispose();
    }

    private sealed class CountingSender : IChannelSender
    {
        private int _count;
        private int _completed;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Conversations that reached the last step with the choice recognised.</summary>
        public int Completed => Volatile.Read(ref _completed);

        public bool CanSend(string channelId) => true;

        public Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            if (entry.Activity.Text == BenchWaterfall.FinalReply)
            {
                Interlocked.Increment(ref _completed);
            }

            return Task.FromResult<ResourceResponse?>(null);
        }
    }
}
