using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Bot.AgentDesk;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>The real host with the desk on: two agents (ana, ben) whose passwords are hashed by the desk's own hasher.</summary>
internal sealed partial class DeskTestHost : IAsyncDisposable
{
    public const string AnaPassword = "correct horse battery staple";
    public const string BenPassword = "tr0ub4dor&3-but-longer";

    /// <summary>Hashing is deliberately slow (PBKDF2); hash once per test run.</summary>
    private static readonly Lazy<(string Ana, string Ben)> Hashes = new(() => (AgentPasswords.Hash(AnaPassword), AgentPasswords.Hash(BenPassword)));

    private DeskTestHost(BotTestServer server) => Server = server;

    public BotTestServer Server { get; }

    public Uri BaseAddress => Server.Client.BaseAddress!;

    public static Dictionary<string, string?> AgentSettings() => new()
    {
        ["AgentDesk:Agents:0:Id"] = "ana",
        ["AgentDesk:Agents:0:Name"] = "Ana Lopez",
        ["AgentDesk:Agents:0:PasswordHash"] = Hashes.Value.Ana,
        ["AgentDesk:Agents:1:Id"] = "ben",
        ["AgentDesk:Agents:1:Name"] = "Ben Okafor",
        ["AgentDesk:Agents:1:PasswordHash"] = Hashes.Value.Ben,
    };

    /// <summary>
    /// Agent hours that are open whenever the test runs: every day, 00:00–23:59 in a fixed-offset zone where it is
    /// about noon now (so the one closed minute is half a day away), and Direct Line rate limits off.
    /// </summary>
    public static Dictionary<string, string?> HandoffSettings()
    {
        var offset = 12 - DateTime.UtcNow.Hour;
        var zone = offset switch { 0 => "Etc/UTC", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
        var settings = new Dictionary<string, string?>
        {
            ["Policy:AgentHours:Open"] = "00:00",
            ["Policy:AgentHours:Close"] = "23:59",
            ["Policy:AgentHours:TimeZone"] = zone,
            ["Channels:DirectLine:RateLimitPerTokenPerMinute"] = "0",
            ["Channels:DirectLine:RateLimitPerIpPerMinute"] = "0",
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            settings[$"Policy:AgentHours:Days:{(int)day}"] = day.ToString();
        }

        return settings;
    }

    public static async Task<DeskTestHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = AgentSettings();
        foreach (var (key, value) in HandoffSettings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new DeskTestHost(await BotTestServer.StartAsync(settings));
    }

    /// <summary>A client with its own cookie jar that does not follow redirects (tests look at them).</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Fetches the sign-in form and answers its antiforgery token (the antiforgery cookie lands in the client's jar).</summary>
    public static async Task<string> SignInTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/agent/signin");
        return TokenField().Match(page).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string agent, string password, string? token)
    {
        var fields = new Dictionary<string, string> { ["agent"] = agent, ["password"] = password };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return await client.PostAsync("/agent/signin", new FormUrlEncodedContent(fields));
    }

    /// <summary>A signed-in client and its session (<c>/agent/api/me</c>: name and antiforgery token, set as the default header).</summary>
    public async Task<(HttpClient Client, JsonElement Me)> SignInAsync(string agent = "ana", string password = AnaPassword) =>
        await SignInAsync(new CookieContainer(), agent, password);

    /// <summary>Signs in with the given cookie jar (so a second client can share the session without the token header).</summary>
    public async Task<(HttpClient Client, JsonElement Me)> SignInAsync(CookieContainer cookies, string agent = "ana", string password = AnaPassword)
    {
        var client = NewClient(cookies);
        var token = await SignInTokenAsync(client);
        using (var response = await PostSignInAsync(client, agent, password, token))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/agent", response.Headers.Location?.OriginalString);
        }

        var me = JsonDocument.Parse(await client.GetStringAsync("/agent/api/me")).RootElement.Clone();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", me.GetProperty("antiforgeryToken").GetString());
        return (client, me);
    }

    /// <summary>A Web Chat customer of this host (Direct Line API).</summary>
    public Task<DeskCustomer> CustomerAsync() => DeskCustomer.StartAsync(BaseAddress);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
