using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.BotService.Tests.Infrastructure;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.BotService.Tests.Authentication;

/// <summary>
/// The channel → bot token rules of PROTOCOLS.md §3 on the real host, one test per rule, with keys this test
/// generated and serves from its own metadata document.
/// </summary>
public sealed class BotFrameworkAuthTests(BotFrameworkAuthFixture fixture) : IClassFixture<BotFrameworkAuthFixture>
{
    private const string AppId = BotFrameworkAuthFixture.AppId;

    private BotFrameworkKeyServer Keys => fixture.Keys;

    private BotConnectorTestServer Connector => fixture.Connector;

    [Fact]
    public async Task PostMessages_ValidToken_RunsTurnAndPostsReplyToServiceUrlWithBotToken()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken(AppId, Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForAsync(c => c.ConversationId == activity.Conversation!.Id));
        Assert.Equal("reply", reply.Operation);
        Assert.Equal(activity.Id, reply.ActivityId);
        Assert.Equal(activity.Conversation!.Id, reply.Activity!.Conversation!.Id);
        Assert.False(string.IsNullOrWhiteSpace(reply.Activity.Text));
        Assert.StartsWith("Bearer connector-token-", reply.Authorization, StringComparison.Ordinal);
        var tokenCall = Connector.Calls.First(c => c.Operation == "token");
        Assert.Equal("client_credentials", tokenCall.Form["grant_type"]);
        Assert.Equal(AppId, tokenCall.Form["client_id"]);
        Assert.Equal("test-secret", tokenCall.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenCall.Form["scope"]);
    }

    [Fact]
    public async Task PostMessages_NoToken_Returns401AndWritesNothing()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);

        using var response = await fixture.Bot.PostAsync(activity, token: null);

        await AssertRejectedAsync(response, HttpStatusCode.Unauthorized, activity);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task PostMessages_ExpiredToken_Returns401AndWritesNothing()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);
        var now = DateTime.UtcNow;

        // Ten minutes past its expiry: beyond the five minutes of allowed clock skew.
        var token = Keys.CreateToken(AppId, Connector.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-10));
        using var response = await fixture.Bot.PostAsync(activity, token);

        await AssertRejectedAsync(response, HttpStatusCode.Unauthorized, activity);
    }

    [Fact]
    public async Task PostMessages_TokenSignedByAnotherKeyWithThePublishedKeyId_Returns401AndWritesNothing()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);
        var forger = BotFrameworkKeyServer.NewKey(Keys.SigningKey.KeyId);

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken(AppId, Connector.ServiceUrl, signingKey: forger));

        await AssertRejectedAsync(response, HttpStatusCode.Unauthorized, activity);
    }

    [Fact]
    public async Task PostMessages_WrongIssuer_Returns401AndWritesNothing()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken(AppId, Connector.ServiceUrl, issuer: "https://evil.example.com"));

        await AssertRejectedAsync(response, HttpStatusCode.Unauthorized, activity);
    }

    [Fact]
    public async Task PostMessages_TokenForAnotherAppId_Returns401AndWritesNothing()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken("11111111-2222-3333-4444-555555555555", Connector.ServiceUrl));

        await AssertRejectedAsync(response, HttpStatusCode.Unauthorized, activity);
    }

    [Fact]
    public async Task PostMessages_TokenServiceUrlDiffersFromActivity_Returns403AndWritesNothing()
    {
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken(AppId, "https://smba.trafficmanager.net/emea/"));

        await AssertRejectedAsync(response, HttpStatusCode.Forbidden, activity);
    }

    [Fact]
    public async Task PostMessages_SigningKeyNotEndorsedForTheChannel_Returns403AndWritesNothing()
    {
        // The key is endorsed for msteams and webchat only.
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl, channelId: "slack");

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken(AppId, Connector.ServiceUrl));

        await AssertRejectedAsync(response, HttpStatusCode.Forbidden, activity);
    }

    [Fact]
    public async Task PostMessages_TokenFromANewlyPublishedKey_IsAcceptedAfterTheKeysAreFetchedAgain()
    {
        using (var warm = await fixture.Bot.PostAsync(TeamsActivities.Message("hi", Connector.ServiceUrl), Keys.CreateToken(AppId, Connector.ServiceUrl)))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var rolled = BotFrameworkKeyServer.NewKey("key-rolled-" + Guid.NewGuid().ToString("N")[..6]);
        Keys.Publish(rolled, "msteams");
        var activity = TeamsActivities.Message("hi", Connector.ServiceUrl);

        using var response = await fixture.Bot.PostAsync(activity, Keys.CreateToken(AppId, Connector.ServiceUrl, signingKey: rolled));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode expected, Activity activity)
    {
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected == HttpStatusCode.Forbidden ? ErrorCodes.Forbidden : ErrorCodes.Unauthorized, body, StringComparison.Ordinal);
        var transcripts = fixture.Bot.Services.GetRequiredService<ITranscriptStore>();
        var page = await transcripts.GetTranscriptActivitiesAsync(activity.ChannelId!, activity.Conversation!.Id!, null);
        Assert.Empty(page.Activities);
        Assert.DoesNotContain(Connector.Calls, c => c.ConversationId == activity.Conversation.Id);
    }
}
