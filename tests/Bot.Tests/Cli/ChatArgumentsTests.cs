using SupportBot.Bot.Cli;

namespace SupportBot.Bot.Tests.Cli;

public sealed class ChatArgumentsTests
{
    [Fact]
    public void TryParse_ConversationAndOverrides_SplitsThem()
    {
        Assert.True(ChatArguments.TryParse(["--conversation", "c-9", "--Storage:Provider=Memory"], out var parsed, out _));

        Assert.Equal("c-9", parsed.ConversationId);
        Assert.Equal(["--Storage:Provider=Memory"], parsed.HostArgs);
    }

    [Fact]
    public void TryParse_ConversationWithEquals_ReadsTheId()
    {
        Assert.True(ChatArguments.TryParse(["--conversation=c-9"], out var parsed, out _));

        Assert.Equal("c-9", parsed.ConversationId);
    }

    [Theory]
    [InlineData("--conversation")]
    [InlineData("--conversation=")]
    public void TryParse_ConversationWithoutId_Fails(string arg)
    {
        Assert.False(ChatArguments.TryParse([arg], out _, out var error));

        Assert.Contains("--conversation", error);
    }

    [Fact]
    public void TryParse_Nothing_NoConversation()
    {
        Assert.True(ChatArguments.TryParse([], out var parsed, out _));

        Assert.Null(parsed.ConversationId);
    }
}
