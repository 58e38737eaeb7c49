using Microsoft.Extensions.Options;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Connectors.BotService.Teams;

namespace SupportBot.Bot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void Validate_Unset_HubOffNoErrors()
    {
        var options = new TeamsOptions();

        Assert.False(options.Enabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_Complete_NoErrors()
    {
        var options = new TeamsOptions { ServiceUrl = "https://smba.trafficmanager.net/emea/", ChannelId = "19:abc@thread.tacv2", TenantId = Guid.NewGuid().ToString() };

        Assert.True(options.Enabled);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", "19:abc@thread.tacv2", "", "Handoff:Teams:ServiceUrl")]
    [InlineData("https://smba.trafficmanager.net/emea/", "general", "", "Handoff:Teams:ChannelId")]
    [InlineData("", "19:abc@thread.tacv2", "", "Handoff:Teams:ServiceUrl")]
    [InlineData("https://smba.trafficmanager.net/emea/", "", "", "Handoff:Teams:ChannelId")]
    [InlineData("https://smba.trafficmanager.net/emea/", "19:abc@thread.tacv2", "contoso", "Handoff:Teams:TenantId")]
    public void Validate_Bad_NamesTheKey(string serviceUrl, string channelId, string tenantId, string key)
    {
        var errors = new TeamsOptions { ServiceUrl = serviceUrl, ChannelId = channelId, TenantId = tenantId }.Validate();

        Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_BadChannelId_DoesNotStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Handoff:Teams:ServiceUrl"] = "https://smba.trafficmanager.net/emea/",
            ["Handoff:Teams:ChannelId"] = "support",
        }));

        Assert.Contains("Handoff:Teams:ChannelId", error.Message);
    }
}
