using Microsoft.Extensions.Options;
using SupportBot.Connectors.BotService;

namespace SupportBot.BotService.Tests.Client;

public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://webchat.botframework.com/", true)]
    [InlineData("https://europe.directline.botframework.com/", true)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("http://webchat.botframework.com/", false)]
    [InlineData("https://user@smba.trafficmanager.net/emea/", false)]
    [InlineData("http://localhost:3978/", false)]
    [InlineData("http://127.0.0.1:9/", false)]
    [InlineData("not a url", false)]
    [InlineData("", false)]
    public void IsAllowed_Defaults_OnlyBotFrameworkServiceHosts(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, Policy(new BotFrameworkOptions { MicrosoftAppId = "app" }).IsAllowed(serviceUrl));

    [Theory]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://127.0.0.1:50123/", true)]
    [InlineData("http://[::1]:50123/", true)]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("http://192.168.1.10:3978/", false)]
    public void IsAllowed_UnauthenticatedMode_AddsLoopback(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, Policy(new BotFrameworkOptions { AllowUnauthenticated = true }).IsAllowed(serviceUrl));

    [Fact]
    public void IsAllowed_AppIdSetAndAllowUnauthenticated_NoLoopback() =>
        Assert.False(Policy(new BotFrameworkOptions { MicrosoftAppId = "app", AllowUnauthenticated = true }).IsAllowed("http://localhost:3978/"));

    [Theory]
    [InlineData("https://connector.contoso.com:8443/bots", "https://connector.contoso.com:8443/bots/teams/", true)]
    [InlineData("https://connector.contoso.com:8443/bots", "https://connector.contoso.com:443/bots/", false)]
    [InlineData("https://connector.contoso.com:8443/bots", "https://connector.contoso.com:8443/botsx/", false)]
    [InlineData("https://*.contoso.com", "https://eu.connector.contoso.com/", true)]
    [InlineData("https://*.contoso.com", "https://contoso.com/", false)]
    public void IsAllowed_ConfiguredPatterns_MatchSchemeHostPortAndPath(string pattern, string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, Policy(new BotFrameworkOptions { MicrosoftAppId = "app", AllowedServiceUrls = [pattern] }).IsAllowed(serviceUrl));

    [Fact]
    public void Validate_BadSettings_NameEachKey()
    {
        var errors = new BotFrameworkOptions
        {
            MicrosoftAppType = MicrosoftAppType.SingleTenant,
            MicrosoftAppId = "app",
            OpenIdMetadataUrl = "http://keys.example.com/meta",
            AllowedServiceUrls = ["ftp://nope"],
        }.Validate();

        Assert.Contains(errors, e => e.Contains("BotFramework:MicrosoftAppPassword", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("BotFramework:MicrosoftAppTenantId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("BotFramework:OpenIdMetadataUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("BotFramework:AllowedServiceUrls:0", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidIssuers_SingleTenant_AddsTheTenantsIssuers()
    {
        Assert.Equal(["https://api.botframework.com"], new BotFrameworkOptions { MicrosoftAppId = "app" }.ValidIssuers());
        Assert.Equal(
            ["https://api.botframework.com", "https://sts.windows.net/t1/", "https://login.microsoftonline.com/t1/v2.0"],
            new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.SingleTenant, MicrosoftAppId = "app", MicrosoftAppTenantId = "t1" }.ValidIssuers());
    }

    private static ServiceUrlPolicy Policy(BotFrameworkOptions options) => new(Options.Create(options));
}
