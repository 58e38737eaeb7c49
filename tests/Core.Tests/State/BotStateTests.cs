using Moq;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Tests.State;

public sealed class BotStateTests
{
    private static TurnContext Turn(string conversationId = "c1", string userId = "u1") => new(Mock.Of<BotAdapter>(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount(userId),
    });

    private sealed record Order(string Number, List<string> Items);

    [Fact]
    public async Task Save_OutsideDurableTurn_WritesAndNextTurnReadsBack()
    {
        var storage = new MemoryStorage();
        var first = Turn();
        var state = new ConversationState(storage);
        var order = state.CreateProperty<Order>("order");
        (await order.GetAsync(first, () => new Order("4411", [])))!.Items.Add("phone");
        await state.SaveChangesAsync(first);

        var second = Turn();
        var reloaded = await new ConversationState(storage).CreateProperty<Order>("order").GetAsync(second);

        Assert.Equal("4411", reloaded!.Number);
        Assert.Equal(["phone"], reloaded.Items);
    }

    [Fact]
    public async Task Save_Unchanged_DoesNotWrite()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, StoreItem> { ["test/conversations/c1"] = new(System.Text.Json.JsonDocument.Parse("""{"n":1}""").RootElement, "e1") });
        var state = new ConversationState(storage.Object);
        var turn = Turn();
        Assert.Equal(1, await state.CreateProperty<int>("n").GetAsync(turn));

        await state.SaveChangesAsync(turn);

        storage.Verify(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Save_StaleAfterAnotherWriter_ThrowsConflict()
    {
        var storage = new MemoryStorage();
        var seed = Turn();
        var state = new ConversationState(storage);
        await state.CreateProperty<int>("n").SetAsync(seed, 1);
        await state.SaveChangesAsync(seed);
        var mine = Turn();
        var theirs = Turn();
        var myState = new ConversationState(storage);
        var theirState = new ConversationState(storage);
        await myState.CreateProperty<int>("n").SetAsync(mine, 2);
        await theirState.CreateProperty<int>("n").SetAsync(theirs, 3);
        await theirState.SaveChangesAsync(theirs);

        await Assert.ThrowsAsync<StorageConflictException>(() => myState.SaveChangesAsync(mine));
    }

    [Fact]
    public async Task Keys_ConversationAndUserState_AreScopedSeparately()
    {
        var storage = new MemoryStorage();
        var turn = Turn("conv-9", "user-7");
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        await conversation.CreateProperty<string>("topic").SetAsync(turn, "refund");
        await user.CreateProperty<string>("name").SetAsync(turn, "Ann");

        await conversation.SaveChangesAsync(turn);
        await user.SaveChangesAsync(turn);

        var items = await storage.ReadAsync(["test/conversations/conv-9", "test/users/user-7"]);
        Assert.Equal("refund", items["test/conversations/conv-9"].Value.GetProperty("topic").GetString());
        Assert.Equal("Ann", items["test/users/user-7"].Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Delete_Property_IsGoneAfterSave()
    {
        var storage = new MemoryStorage();
        var first = Turn();
        var state = new ConversationState(storage);
        await state.CreateProperty<string>("a").SetAsync(first, "x");
        await state.CreateProperty<string>("b").SetAsync(first, "y");
        await state.SaveChangesAsync(first);
        var second = Turn();
        var again = new ConversationState(storage);

        await again.CreateProperty<string>("a").DeleteAsync(second);
        await again.SaveChangesAsync(second);

        var stored = (await storage.ReadAsync(["test/conversations/c1"]))["test/conversations/c1"].Value;
        Assert.False(stored.TryGetProperty("a", out _));
        Assert.Equal("y", stored.GetProperty("b").GetString());
    }
}
