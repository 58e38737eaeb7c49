using Microsoft.Extensions.Options;
using SupportBot.Bot.AgentDesk;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.AgentDesk;

public sealed class AgentDeskOptionsTests
{
    [Fact]
    public void Validate_Defaults_ValidAndOff()
    {
        var options = new AgentDeskOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_PlainTextPassword_NamesKeyAndVerb()
    {
        var options = new AgentDeskOptions { Agents = [new AgentAccount { Id = "ana", Name = "Ana", Password = "hunter22", PasswordHash = AgentPasswords.Hash("hunter22") }] };

        var error = Assert.Single(options.Validate());

        Assert.Contains("AgentDesk:Agents:0:Password", error);
        Assert.Contains("hash-password", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("AAAA")]
    public void Validate_BadHash_NamesKey(string hash)
    {
        var options = new AgentDeskOptions { Agents = [new AgentAccount { Id = "ana", Name = "Ana", PasswordHash = hash }] };

        Assert.Contains(options.Validate(), e => e.Contains("AgentDesk:Agents:0:PasswordHash", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateIdsAndMissingName_EachNamed()
    {
        var hash = AgentPasswords.Hash("password1");
        var options = new AgentDeskOptions
        {
            Agents = [new AgentAccount { Id = "ana", Name = "Ana", PasswordHash = hash }, new AgentAccount { Id = "ANA", Name = "", PasswordHash = hash }],
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("AgentDesk:Agents:1:Id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("AgentDesk:Agents:1:Name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_PlainTextPasswordConfigured_RefusesToStart()
    {
        var settings = DeskTestHost.AgentSettings();
        settings["AgentDesk:Agents:0:Password"] = "hunter22";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestServer.StartAsync(settings));

        Assert.Contains("AgentDesk:Agents:0:Password", error.Message);
    }
}
