using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Connectors.Console;
using SupportBot.Connectors.Console.Client;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Bot.Tests.Connectors.Console;

public sealed class ConsoleConnectorTests
{
    [Fact]
    public async Task RunAsync_LinesThenEndOfInput_WritesOneActivityLinePerReplyAndReturns()
    {
        var storage = new MemoryStorage();
        var output = new StringWriter();

        await Connector(storage, "c-1", "hi\n\n   \nmy parcel arrived broken\n", output).RunAsync();

        var replies = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ActivityJson.Deserialize).ToList();
        Assert.Equal(2, replies.Count);
        HeapReplies.AssertGreeting(replies[0].Text);
        HeapReplies.AssertReflection(replies[1].Text, "parcel");
        Assert.All(replies, r => Assert.Equal("c-1", r.Conversation?.Id));
    }

    [Fact]
    public async Task RunAsync_ConversationInStore_ContinuesAtTheNextStep()
    {
        var storage = new MemoryStorage();
        await Connector(storage, "c-1", "hi\nmy parcel arrived broken\n", new StringWriter()).RunAsync();
        var output = new StringWriter();

        await Connector(storage, "c-1", "yes\n", output).RunAsync();

        var reply = ActivityJson.Deserialize(output.ToString().Trim());
        HeapReplies.AssertRemedyQuestion(reply.Text);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileReadBlocks_Returns()
    {
        using var blocked = new BlockingReader();
        using var cancellation = new CancellationTokenSource();
        var run = Connector(new MemoryStorage(), "c-1", blocked, new StringWriter()).RunAsync(cancellation.Token);
        blocked.ReadStarted.Wait(TimeSpan.FromSeconds(30));

        cancellation.Cancel();

        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static ConsoleConnector Connector(MemoryStorage storage, string conversationId, string input, TextWriter output) =>
        Connector(storage, conversationId, new StringReader(input), output);

    private static ConsoleConnector Connector(MemoryStorage storage, string conversationId, TextReader input, TextWriter output)
    {
        var time = new FakeTimeProvider();
        var queue = new ConversationQueue();
        var io = new ConsoleIo(input, output);
        var options = new ConsoleOptions { ConversationId = conversationId };
        var dispatcher = new OutboxDispatcher(storage, [new ConsoleSender(io, options)], queue, time, NullLogger<OutboxDispatcher>.Instance);
        var adapter = new DurableBotAdapter(storage, storage, storage, dispatcher, queue, time, NullLogger<DurableBotAdapter>.Instance);
        IBot bot = TestHeap.CreateBot(storage, time);
        return new ConsoleConnector(adapter, bot, dispatcher, io, options, time, NullLogger<ConsoleConnector>.Instance);
    }

    /// <summary>Like Console.In at a terminal: ReadLine blocks, synchronously, and ignores cancellation.</summary>
    private sealed class BlockingReader : TextReader
    {
        private readonly ManualResetEventSlim _release = new();

        public ManualResetEventSlim ReadStarted { get; } = new();

        public override string? ReadLine()
        {
            ReadStarted.Set();
            _release.Wait();
            return null;
        }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

        protected override void Dispose(bool disposing)
        {
            _release.Set();
            base.Dispose(disposing);
        }
    }
}
