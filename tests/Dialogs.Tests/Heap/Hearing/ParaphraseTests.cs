using SupportBot.Dialogs.Heap.Hearing;

namespace SupportBot.Dialogs.Tests.Heap.Hearing;

public sealed class ParaphraseTests
{
    [Theory]
    [InlineData("my order 4411 arrived with a cracked screen and I need it working before Friday", "So your order 4411 arrived damaged — a cracked screen — and you need it sorted before Friday. Is that right?")]
    [InlineData("I can't log in", "So you can't log in. Is that right?")]
    [InlineData("I was charged twice for order 4398", "So you were charged twice for order 4398. Is that right?")]
    [InlineData("the app keeps logging me out", "So the app keeps logging you out. Is that right?")]
    [InlineData("call me back", "So you'd like a call back from our team. Is that right?")]
    [InlineData("my phone stopped working, I want a refund", "So your phone isn't working, and you'd like a refund. Is that right?")]
    public void Of_Story_ReflectsItBack(string story, string expected) => Assert.Equal(expected, Paraphrase.Of(FactExtractor.Extract(story)));
}
