using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot.Tests.DirectLine;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Tests.Handoff;

/// <summary>
/// The real web host with the Direct Line server, a test agent hub and a fake clock (a Monday 10:00 London
/// time unless told otherwise, so agent hours do not depend on when the tests run).
/// </summary>
internal sealed class HandoffHost : IAsyncDisposable
{
    public static readonly DateTimeOffset MondayMorning = new(2025, 1, 6, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private HandoffHost(WebApplication app, TestHub hub, FakeTimeProvider time)
    {
        _app = app;
        Hub = hub;
        Time = time;
        DirectLine = new DirectLineClient(new Uri(app.Urls.First()));
    }

    public TestHub Hub { get; }

    public FakeTimeProvider Time { get; }

    public DirectLineClient DirectLine { get; }

    public IServiceProvider Services => _app.Services;

    public HandoffService Handoff => Services.GetRequiredService<HandoffService>();

    public static async Task<HandoffHost> StartAsync(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null, TestHub? hub = null)
    {
        hub ??= new TestHub();
        var time = new FakeTimeProvider(now ?? MondayMorning);
        var app = Program.BuildWebApp(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Memory",
                ["Channels:DirectLine:Secret"] = DirectLineTestHost.Secret,
                ["Channels:DirectLine:RateLimitPerTokenPerMinute"] = "0",
                ["Channels:DirectLine:RateLimitPerIpPerMinute"] = "0",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton<IAgentHub>(hub);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new HandoffHost(app, hub, time);
    }

    public async ValueTask DisposeAsync()
    {
        DirectLine.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A Web Chat customer as Direct Line sees them: token, conversation, posts and polls.</summary>
internal sealed class DirectLineClient(Uri address) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public string ConversationId { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        tokenRequest.Headers.Add("Origin", address.GetLeftPart(UriPartial.Authority));
        using var tokenResponse = await _client.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await DirectLineTestHost.JsonAsync(tokenResponse)).GetProperty("token").GetString()!;
        using var start = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        start.EnsureSuccessStatusCode();
        var body = await DirectLineTestHost.JsonAsync(start);
        ConversationId = body.GetProperty("conversationId").GetString()!;
        Token = body.GetProperty("token").GetString()!;
    }

    /// <summary>Posts a message; answers its id.</summary>
    public async Task<string> PostAsync(string text)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", Token, DirectLineTestHost.MessageJson(text));
        response.EnsureSuccessStatusCode();
        return (await DirectLineTestHost.JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Every activity of the conversation so far.</summary>
    public async Task<List<JsonElement>> ActivitiesAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities", Token);
        response.EnsureSuccessStatusCode();
        return (await DirectLineTestHost.JsonAsync(response)).GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    /// <summary>The bot-side messages (role bot) so far.</summary>
    public async Task<List<JsonElement>> BotMessagesAsync() =>
        (await ActivitiesAsync()).Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();

    /// <summary>Waits (generously) for a bot-side message whose text contains <paramref name="fragment"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string fragment)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<JsonElement> seen = [];
        while (DateTime.UtcNow < deadline)
        {
            seen = await BotMessagesAsync();
            foreach (var message in seen)
            {
                if (message.TryGetProperty("text", out var text) && text.GetString()!.Contains(fragment, StringComparison.Ordinal))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No bot message containing '{fragment}'; saw: {string.Join(" | ", seen.Select(m => m.TryGetProperty("text", out var t) ? t.GetString() : "?"))}");
    }

    /// <summary>The same customer, conversation and token, talking to another (restarted) host.</summary>
    public DirectLineClient On(HandoffHost host) =>
        new(new Uri(host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First())) { ConversationId = ConversationId, Token = Token };

    public void Dispose() => _client.Dispose();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string credential, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return _client.SendAsync(request);
    }
}
