using SupportBot.Dialogs.Heap.Hearing;

namespace SupportBot.Dialogs.Tests.Heap.Hearing;

public sealed class MessageClassifierTests
{
    [Theory]
    [InlineData("", nameof(MessageKind.Empty))]
    [InlineData("🙂🙂", nameof(MessageKind.EmojiOnly))]
    [InlineData("asdfgh qwrtz", nameof(MessageKind.Gibberish))]
    [InlineData("Hola, mi pedido llegó roto", nameof(MessageKind.OtherLanguage))]
    [InlineData("Mon colis est arrivé cassé et je veux un remboursement", nameof(MessageKind.OtherLanguage))]
    [InlineData("hello there", nameof(MessageKind.Greeting))]
    [InlineData("thanks, that's all", nameof(MessageKind.Thanks))]
    [InlineData("no thanks", nameof(MessageKind.Thanks))]
    [InlineData("Your delivery was super fast, love it!", nameof(MessageKind.Praise))]
    [InlineData("help", nameof(MessageKind.Help))]
    [InlineData("start over", nameof(MessageKind.StartOver))]
    [InlineData("What are your opening hours?", nameof(MessageKind.Question))]
    [InlineData("how do I reset my password", nameof(MessageKind.Question))]
    [InlineData("my order 4411 arrived damaged", nameof(MessageKind.Story))]
    [InlineData("I love this shop but my kettle is broken", nameof(MessageKind.Story))]
    [InlineData("why is my order 4411 late?", nameof(MessageKind.Story))]
    public void Classify_Kind(string text, string expected) => Assert.Equal(expected, MessageClassifier.Classify(text).ToString());
}
