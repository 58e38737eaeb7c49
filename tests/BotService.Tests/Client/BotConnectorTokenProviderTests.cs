using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Connectors.BotService;
using SupportBot.Connectors.BotService.Client;

namespace SupportBot.BotService.Tests.Client;

public sealed class BotConnectorTokenProviderTests : IAsyncLifetime
{
    private BotConnectorTestServer _connector = null!;

    public async Task InitializeAsync() => _connector = await BotConnectorTestServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task GetToken_WithinLifetime_IsCachedAndRefreshedFiveMinutesBeforeExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var services = ChannelServices.Authenticated(_connector, time);
        var tokens = services.GetRequiredService<IBotConnectorTokenProvider>();

        var first = await tokens.GetTokenAsync();
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.GetTokenAsync().AsTask()));
        time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await tokens.GetTokenAsync();
        time.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await tokens.GetTokenAsync();

        Assert.Equal("connector-token-1", first);
        Assert.All(concurrent, t => Assert.Equal(first, t));
        Assert.Equal(first, stillCached);
        Assert.Equal("connector-token-2", refreshed);
        Assert.Equal(2, _connector.Calls.Count(c => c.Operation == "token"));
    }

    [Fact]
    public async Task GetToken_SingleTenant_AsksTheTenantsEndpointWithClientCredentials()
    {
        await using var services = ChannelServices.Create(o =>
        {
            o.MicrosoftAppType = MicrosoftAppType.SingleTenant;
            o.MicrosoftAppId = "app-2";
            o.MicrosoftAppPassword = "secret-2";
            o.MicrosoftAppTenantId = "contoso-tenant";
            o.OAuthTokenEndpoint = _connector.ServiceUrl + "contoso-tenant/oauth2/v2.0/token";
        });

        var token = await services.GetRequiredService<IBotConnectorTokenProvider>().GetTokenAsync();

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("/contoso-tenant/oauth2/v2.0/token", call.Path);
        Assert.Equal("app-2", call.Form["client_id"]);
        Assert.Equal("secret-2", call.Form["client_secret"]);
        Assert.Equal("client_credentials", call.Form["grant_type"]);
        Assert.Equal("connector-token-1", token);
    }

    [Fact]
    public async Task GetToken_UserAssignedManagedIdentity_AsksTheIdentityEndpointForTheBotFrameworkResource()
    {
        await using var services = ChannelServices.Create(o =>
        {
            o.MicrosoftAppType = MicrosoftAppType.UserAssignedMSI;
            o.MicrosoftAppId = "msi-client-id";
            o.MicrosoftAppTenantId = "contoso-tenant";
            o.ManagedIdentityEndpoint = _connector.ManagedIdentityEndpoint;
        });

        var token = await services.GetRequiredService<IBotConnectorTokenProvider>().GetTokenAsync();

        var call = Assert.Single(_connector.Calls);
        Assert.Equal(("msi", "GET"), (call.Operation, call.Method));
        Assert.Equal("https://api.botframework.com", call.Form["resource"]);
        Assert.Equal("msi-client-id", call.Form["client_id"]);
        Assert.Equal("true", call.Form["Metadata"]);
        Assert.Equal("msi-token-1", token);
    }

    [Fact]
    public async Task GetToken_NoAppId_IsNullAndCallsNothing()
    {
        await using var services = ChannelServices.Unauthenticated();

        Assert.Null(await services.GetRequiredService<IBotConnectorTokenProvider>().GetTokenAsync());
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task GetToken_EndpointRefuses_ThrowsBotConnectorException()
    {
        await using var services = ChannelServices.Authenticated(_connector);
        _connector.FailNext(401, errorCode: "invalid_client");

        await Assert.ThrowsAsync<BotConnectorException>(() => services.GetRequiredService<IBotConnectorTokenProvider>().GetTokenAsync().AsTask());
    }

    [Fact]
    public void EffectiveOAuthTokenEndpoint_Defaults_FollowTheAppType()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", new BotFrameworkOptions().EffectiveOAuthTokenEndpoint);
        Assert.Equal("https://login.microsoftonline.com/contoso/oauth2/v2.0/token",
            new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.SingleTenant, MicrosoftAppTenantId = "contoso" }.EffectiveOAuthTokenEndpoint);
    }
}
