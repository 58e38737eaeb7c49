using SupportBot.Bot.AgentDesk;
using SupportBot.Bot.Cli;

namespace SupportBot.Bot.Tests.Cli;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task Run_PasswordOnStdin_PrintsHashTheDeskAccepts()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(new StringReader("s3cret-enough\n"), output, error);

        Assert.Equal(0, exit);
        Assert.Empty(error.ToString());
        var hash = output.ToString().Trim();
        Assert.DoesNotContain("s3cret-enough", hash);
        Assert.True(AgentPasswords.IsWellFormedHash(hash));
        var agent = new AgentAccount { Id = "ana", Name = "Ana", PasswordHash = hash };
        Assert.True(AgentPasswords.Verify(agent, "s3cret-enough"));
        Assert.False(AgentPasswords.Verify(agent, "s3cret-enougH"));
    }

    [Fact]
    public async Task Run_SamePasswordTwice_DifferentSalts()
    {
        var first = new StringWriter();
        var second = new StringWriter();

        await HashPasswordCommand.RunAsync(new StringReader("s3cret-enough\n"), first, TextWriter.Null);
        await HashPasswordCommand.RunAsync(new StringReader("s3cret-enough\n"), second, TextWriter.Null);

        Assert.NotEqual(first.ToString(), second.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("short\n")]
    public async Task Run_MissingOrShortPassword_ExitOneNothingPrinted(string input)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(new StringReader(input), output, error);

        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("nothing printed", error.ToString());
    }
}
