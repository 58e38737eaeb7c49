using SupportBot.Connectors.Console;
using SupportBot.Connectors.Console.Client;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.Tests.Connectors.Console;

public sealed class ConsoleSenderTests
{
    [Fact]
    public async Task DeliverAsync_NotInteractive_WritesOneJsonLinePerActivity()
    {
        var output = new StringWriter();
        var sender = new ConsoleSender(new ConsoleIo(new StringReader(""), output), new ConsoleOptions { ConversationId = "c-1" });

        await sender.DeliverAsync(Entry(1, "Hi,\nthere", "c-1"));
        await sender.DeliverAsync(Entry(2, "Second", "c-1"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Hi,\nthere", ActivityJson.Deserialize(lines[0]).Text);
        Assert.Equal("Second", ActivityJson.Deserialize(lines[1]).Text);
    }

    [Fact]
    public async Task DeliverAsync_Interactive_WritesReadableText()
    {
        var output = new StringWriter();
        var sender = new ConsoleSender(new ConsoleIo(new StringReader(""), output), new ConsoleOptions { ConversationId = "c-1", Interactive = true });

        await sender.DeliverAsync(Entry(1, "Hello", "c-1"));

        Assert.Equal("Hello" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task DeliverAsync_OtherConversation_ThrowsAndWritesNothing()
    {
        var output = new StringWriter();
        var sender = new ConsoleSender(new ConsoleIo(new StringReader(""), output), new ConsoleOptions { ConversationId = "c-1" });

        await Assert.ThrowsAsync<ConsoleNotAttachedException>(() => sender.DeliverAsync(Entry(1, "Hello", "c-2")));

        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("console", true)]
    [InlineData("webchat", false)]
    public void CanSend_Channel_OnlyConsole(string channelId, bool expected)
    {
        var sender = new ConsoleSender(new ConsoleIo(new StringReader(""), new StringWriter()), new ConsoleOptions { ConversationId = "c-1" });

        Assert.Equal(expected, sender.CanSend(channelId));
    }

    private static OutboxEntry Entry(long sequence, string text, string conversationId)
    {
        var activity = ActivityExtensions.CreateMessage(text);
        activity.ChannelId = "console";
        activity.Conversation = new ConversationAccount(conversationId);
        return new OutboxEntry(sequence, OutboxOperation.Send, activity);
    }
}
