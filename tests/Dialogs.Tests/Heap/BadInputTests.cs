using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("asdfgh qwrtz jkl")]
    [InlineData("   ")]
    [InlineData("😡😡😡")]
    [InlineData("Hola, mi pedido llegó roto y quiero un reembolso")]
    [InlineData("Привет, мой заказ пришел сломанным")]
    public async Task BadFirstMessage_HelpfulReply_ThenConversationContinues(string text)
    {
        var flow = new HeapFlow();

        var reply = await flow.SayAsync(text);
        var next = await flow.SayAsync("my order 4411 arrived damaged");

        Assert.False(string.IsNullOrWhiteSpace(reply));
        Assert.Contains("?", reply); // it asks something: the conversation goes on
        Assert.Contains("4411", next);
    }

    [Fact]
    public async Task HugePaste_AnsweredQuickly_ReadsTheStart()
    {
        var flow = new HeapFlow();
        var paste = "My order 4411 arrived damaged. " + string.Concat(Enumerable.Repeat("blah blah logs stack trace 0x00ff ", 1500));
        Assert.True(paste.Length > 50_000);

        var started = DateTime.UtcNow;
        var reply = await flow.SayAsync(paste);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Contains("4411", reply);
        Assert.Contains("long message", reply);
    }

    [Fact]
    public async Task GibberishMidFlow_AsksAgainWithoutLosingThePlace()
    {
        var flow = new HeapFlow(sentiment: false);

        await flow.SayAsync("my order 4411 arrived damaged");
        var again = await flow.SayAsync("xkcd");
        var lead = await flow.SayAsync("yes");

        Assert.Contains("yes or no", again);
        Assert.Contains("What would make this right", lead);
    }

    [Fact]
    public async Task EmojiThumbsUp_AtReflection_CountsAsYes()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my order 4411 arrived damaged");
        var lead = await flow.SayAsync("👍");

        Assert.Contains("What would make this right", lead);
    }
}
