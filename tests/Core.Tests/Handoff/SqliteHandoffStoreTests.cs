using SupportBot.Core.Handoff;
using SupportBot.Core.Handoff.Sqlite;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment.Mood;

namespace SupportBot.Core.Tests.Handoff;

public sealed class SqliteHandoffStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "handoff-store-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_folder, "supportbot.db");

    [Fact]
    public async Task CreateAsync_Ids_StartAtH1001AndAreSequential()
    {
        using var store = SqliteHandoffStore.OpenInMemory();

        var first = await store.CreateAsync(NewCase("c1"));
        var second = await store.CreateAsync(NewCase("c2"));

        Assert.Equal("H-1001", first.Id);
        Assert.Equal("H-1002", second.Id);
        Assert.Equal(1, store.SchemaVersion);
        Assert.Equal(second.Id, (await store.GetAsync("h-1002"))!.Id);
        Assert.Equal(second.Id, (await store.GetAsync("1002"))!.Id);
        Assert.Null(await store.GetAsync("H-x"));
        Assert.Null(await store.GetAsync(""));
    }

    [Fact]
    public async Task Reopen_SameFile_KeepsCasesStatusAgentContextAndPendingNotifications()
    {
        string id;
        using (var store = SqliteHandoffStore.OpenFile(FilePath))
        {
            id = (await store.CreateAsync(NewCase("c1"))).Id;
            await store.TryAcceptAsync(id, new AgentRef("ana", "Ana", AgentHubs.Desk), Now);
            await store.EnqueueAsync(id, ["desk"], HandoffNotificationKinds.Status, "status:accepted", "{}", Now);
        }

        using var reopened = SqliteHandoffStore.OpenFile(FilePath);
        var handoffCase = (await reopened.GetAsync(id))!;

        Assert.Equal(HandoffStatus.WithAgent, handoffCase.Status);
        Assert.Equal("Ana", handoffCase.Agent!.Name);
        Assert.Equal(Now, handoffCase.AcceptedAt);
        Assert.Equal("Summary for c1", handoffCase.Context.Summary);
        Assert.Equal("c1", handoffCase.ConversationId);
        Assert.Single(await reopened.ReadDueAsync(null, Now, 10));
    }

    [Fact]
    public async Task TryAcceptAsync_TwoProcessesRace_ExactlyOneWins()
    {
        Directory.CreateDirectory(_folder);
        using var a = SqliteHandoffStore.OpenFile(FilePath);
        using var b = SqliteHandoffStore.OpenFile(FilePath);
        for (var round = 0; round < 20; round++)
        {
            var id = (await a.CreateAsync(NewCase($"c{round}"))).Id;
            var ana = new AgentRef("ana", "Ana", AgentHubs.Desk);
            var ben = new AgentRef("ben", "Ben", AgentHubs.Teams);

            var results = await Task.WhenAll(Task.Run(() => a.TryAcceptAsync(id, ana, Now)), Task.Run(() => b.TryAcceptAsync(id, ben, Now)));

            var winner = Assert.Single(results, r => r.Outcome == AcceptOutcome.Accepted);
            var loser = Assert.Single(results, r => r.Outcome == AcceptOutcome.AlreadyTaken);
            Assert.Equal(winner.Case!.Agent, loser.TakenBy);
        }
    }

    [Fact]
    public async Task TryTransitionAsync_WrongStatusOrAgent_ChangesNothing()
    {
        using var store = SqliteHandoffStore.OpenInMemory();
        var id = (await store.CreateAsync(NewCase("c1"))).Id;
        await store.TryAcceptAsync(id, new AgentRef("ana", "Ana", AgentHubs.Desk), Now);

        Assert.Null(await store.TryTransitionAsync(id, [HandoffStatus.Waiting], HandoffStatus.Failed, null, null, Now));
        Assert.Null(await store.TryTransitionAsync(id, [HandoffStatus.WithAgent], HandoffStatus.Closed, "ben", null, Now));
        var closed = await store.TryTransitionAsync(id, [HandoffStatus.WithAgent], HandoffStatus.Closed, "ana", "done", Now.AddMinutes(1));

        Assert.Equal(HandoffStatus.Closed, closed!.Status);
        Assert.Equal("done", closed.Note);
        Assert.Equal(Now.AddMinutes(1), closed.UpdatedAt);
        Assert.Null(await store.TryTransitionAsync(id, [HandoffStatus.WithAgent], HandoffStatus.ReturnedToBot, "ana", null, Now));
    }

    [Fact]
    public async Task Notifications_DedupedOrderedPerHubAndBackingOffBlocksLaterOnes()
    {
        using var store = SqliteHandoffStore.OpenInMemory();
        var id = (await store.CreateAsync(NewCase("c1"))).Id;
        await store.EnqueueAsync(id, ["desk", "teams"], HandoffNotificationKinds.Initiated, "initiate", "1", Now);
        await store.EnqueueAsync(id, ["desk", "teams"], HandoffNotificationKinds.Initiated, "initiate", "1 again", Now);
        await store.EnqueueAsync(id, ["desk", "teams"], HandoffNotificationKinds.CustomerMessage, "message:a", "2", Now);

        var due = await store.ReadDueAsync(id, Now, 10);
        Assert.Equal(4, due.Count);
        Assert.Equal(["1", "1", "2", "2"], due.Select(n => n.Payload));

        var deskFirst = due.First(n => n.Hub == "desk");
        await store.RescheduleAsync(deskFirst.Sequence, 1, Now.AddSeconds(2), default);
        var teamsFirst = due.First(n => n.Hub == "teams");
        await store.MarkSentAsync(teamsFirst.Sequence, Now);

        var later = await store.ReadDueAsync(null, Now, 10);
        Assert.Equal([("teams", "2")], later.Select(n => (n.Hub, n.Payload)));
        var afterBackoff = await store.ReadDueAsync(null, Now.AddSeconds(2), 10);
        Assert.Equal([("desk", "1"), ("desk", "2"), ("teams", "2")], afterBackoff.Select(n => (n.Hub, n.Payload)));
        Assert.Equal(1, afterBackoff[0].Attempts);
    }

    [Fact]
    public async Task QueuePositionAsync_CountsWaitingCasesOnly()
    {
        using var store = SqliteHandoffStore.OpenInMemory();
        var one = (await store.CreateAsync(NewCase("c1"))).Id;
        var two = (await store.CreateAsync(NewCase("c2"))).Id;
        var three = (await store.CreateAsync(NewCase("c3"))).Id;
        await store.TryAcceptAsync(one, new AgentRef("ana", "Ana", AgentHubs.Desk), Now);

        Assert.Equal((1, 2), await store.QueuePositionAsync(two));
        Assert.Equal((2, 2), await store.QueuePositionAsync(three));
        Assert.Equal((0, 2), await store.QueuePositionAsync(one));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static HandoffCase NewCase(string conversationId) => new()
    {
        Id = string.Empty,
        Reference = new ConversationReference
        {
            ChannelId = "directline",
            Conversation = new ConversationAccount(conversationId),
            User = new ChannelAccount("u1", "Sam", RoleTypes.User),
            Bot = new ChannelAccount("bot", "SupportBot", RoleTypes.Bot),
        },
        Status = HandoffStatus.Waiting,
        Reason = new HandoffReason(HandoffReasonKinds.Sentiment, ["intensity"]),
        Context = new HandoffContext
        {
            Customer = new HandoffCustomer("Sam", null, [new CustomerIdentity("directline", "u1")], [], []),
            Channel = "directline",
            Mood = new HandoffMood(-0.5, "worsening", [new MoodPoint(Now, -0.5, -0.5, true, 0.7, ["caps"])]),
            Summary = $"Summary for {conversationId}",
        },
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
