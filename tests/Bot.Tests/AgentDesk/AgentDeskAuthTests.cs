using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>Sign-in, sessions, antiforgery and the "no anonymous access" rule of the agent desk (issue 6, point 4).</summary>
public sealed class AgentDeskAuthTests
{
    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/signin")]
    [InlineData("/agent/desk.js")]
    [InlineData("/agent/api/queue")]
    public async Task DeskOff_NoAgentsConfigured_404WithReason(string path)
    {
        await using var host = await BotTestServer.StartAsync();

        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("AgentDesk:Agents", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryDeskEndpoint_Anonymous_RedirectedToSignInOr401()
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        var endpoints = host.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/agent", StringComparison.OrdinalIgnoreCase) == true)
            .Where(e => e.RoutePattern.RawText != "/agent/signin")
            .ToList();
        Assert.True(endpoints.Count >= 3, "the desk maps its page, sign-out and API");

        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!.Replace("{id}", "H-1001", StringComparison.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);

                if (path.StartsWith("/agent/api/", StringComparison.Ordinal))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {response.StatusCode}");
                    Assert.Equal("Unauthorized", await ErrorCodeAsync(response));
                }
                else if (method != "GET")
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path} answered {response.StatusCode}");
                    Assert.Equal("/agent/signin", response.Headers.Location?.OriginalString);
                }
            }
        }
    }

    [Theory]
    [InlineData("/agent/desk.js")]
    [InlineData("/agent/")]
    [InlineData("/agent/anything")]
    public async Task DeskFiles_Anonymous_RedirectedToSignIn(string path)
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/signin", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/agent/index.html")]
    [InlineData("/agent/signin.html")]
    public async Task PageTemplates_NeverServedRaw(string path)
    {
        await using var host = await DeskTestHost.StartAsync();
        var (client, _) = await host.SignInAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task SignIn_RightPassword_StrictHttpOnlyCookieAndDeskPage()
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        var token = await DeskTestHost.SignInTokenAsync(client);

        using var response = await DeskTestHost.PostSignInAsync(client, "ANA", DeskTestHost.AnaPassword, token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".SupportBot.AgentDesk=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/agent", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

        using var page = await client.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script src=\"/agent/desk.js\" nonce=\"{nonce}\"></script>", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);

        var me = JsonDocument.Parse(await client.GetStringAsync("/agent/api/me")).RootElement;
        Assert.Equal("ana", me.GetProperty("id").GetString());
        Assert.Equal("Ana Lopez", me.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("antiforgeryToken").GetString()));

        using var script = await client.GetAsync("/agent/desk.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task SignIn_OverHttpsBehindProxy_CookieIsSecure()
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        // (The form over plain http: a Secure antiforgery cookie would not travel back over http in this client.)
        var token = await DeskTestHost.SignInTokenAsync(client);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await DeskTestHost.PostSignInAsync(client, "ana", DeskTestHost.AnaPassword, token);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".SupportBot.AgentDesk=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ana", "wrong password")]
    [InlineData("nobody", DeskTestHost.AnaPassword)]
    public async Task SignIn_WrongPasswordOrUnknownId_401SameMessageNoCookie(string agent, string password)
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        var token = await DeskTestHost.SignInTokenAsync(client);

        using var response = await DeskTestHost.PostSignInAsync(client, agent, password, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That agent id and password do not match.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".SupportBot.AgentDesk=", StringComparison.Ordinal)));
        using var page = await client.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_400()
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        await DeskTestHost.SignInTokenAsync(client);

        using var response = await DeskTestHost.PostSignInAsync(client, "ana", DeskTestHost.AnaPassword, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_EchoedIdIsHtmlEncoded()
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        var token = await DeskTestHost.SignInTokenAsync(client);

        using var response = await DeskTestHost.PostSignInAsync(client, "\"><script>alert(1)</script>", "wrong password", token);

        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", page);
    }

    [Fact]
    public async Task SignIn_AfterTooManyFailures_LockedOutEvenWithRightPassword()
    {
        await using var host = await DeskTestHost.StartAsync(new Dictionary<string, string?> { ["AgentDesk:MaxFailedSignIns"] = "3" });
        using var client = host.NewClient();
        var token = await DeskTestHost.SignInTokenAsync(client);
        for (var i = 0; i < 3; i++)
        {
            using var failed = await DeskTestHost.PostSignInAsync(client, "ana", "wrong password " + i, token);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await DeskTestHost.PostSignInAsync(client, "ana", DeskTestHost.AnaPassword, token);

        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync());
        // The other agent is not locked out by ana's failures.
        var (ben, _) = await host.SignInAsync("ben", DeskTestHost.BenPassword);
        ben.Dispose();
    }

    [Fact]
    public async Task SignOut_WithoutToken_400_WithToken_SessionEnds()
    {
        await using var host = await DeskTestHost.StartAsync();
        var cookies = new CookieContainer();
        var (client, me) = await host.SignInAsync(cookies);
        using var bare = host.NewClient(cookies);

        using var rejected = await bare.PostAsync("/agent/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("AntiforgeryTokenInvalid", await ErrorCodeAsync(rejected));

        using var signedOut = await client.PostAsync("/agent/signout", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("__RequestVerificationToken", me.GetProperty("antiforgeryToken").GetString()!)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/agent/signin", signedOut.Headers.Location?.OriginalString);
        using var after = await client.GetAsync("/agent/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task SignInPage_SignedIn_RedirectsToDesk()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (client, _) = await host.SignInAsync();

        using var response = await client.GetAsync("/agent/signin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent", response.Headers.Location?.OriginalString);
        client.Dispose();
    }

    [Fact]
    public async Task ForgedCookie_Rejected()
    {
        await using var host = await DeskTestHost.StartAsync();
        using var client = host.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", ".SupportBot.AgentDesk=CfDJ8forged");

        using var response = await client.GetAsync("/agent/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString();
}
