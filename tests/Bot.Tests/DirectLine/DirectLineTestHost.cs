using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Connectors.DirectLine;
using SupportBot.Connectors.DirectLine.Tokens;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// The real web host (Program.BuildWebApp) on 127.0.0.1 with the Direct Line server, the memory store
/// unless the settings name a data folder, and an optional replacement for the turn (to make the bot fail).
/// </summary>
internal sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-never-in-a-browser";

    private readonly WebApplication _app;

    private DirectLineTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DirectLineTestHost> StartAsync(IDictionary<string, string?>? settings = null, IDirectLineTurns? turns = null)
    {
        var app = Program.BuildWebApp(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Memory",
                ["Channels:DirectLine:Secret"] = Secret,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            if (turns is not null)
            {
                builder.Services.AddSingleton(turns);
            }

            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new DirectLineTestHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>The SQLite store in <paramref name="dataFolder"/> (for restart tests).</summary>
    public static Dictionary<string, string?> Sqlite(string dataFolder) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = dataFolder,
    };

    /// <summary>A conversation token from the page's endpoint, as the chat page gets it.</summary>
    public async Task<string> WebChatTokenAsync()
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        tokenRequest.Headers.Add("Origin", Address.GetLeftPart(UriPartial.Authority));
        using var tokenResponse = await Client.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        return (await JsonAsync(tokenResponse)).GetProperty("token").GetString()!;
    }

    /// <summary>A conversation token from the page's endpoint and the conversation it started.</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> StartConversationAsync()
    {
        var token = await WebChatTokenAsync();

        using var start = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(System.Net.HttpStatusCode.Created, start.StatusCode);
        var body = await JsonAsync(start);
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Posts a user message with a clientActivityID and answers the server's id.</summary>
    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, MessageJson(text, clientActivityId));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>One GET of the activities after <paramref name="watermark"/>.</summary>
    public async Task<(List<JsonElement> Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var query = watermark is null ? string.Empty : $"?watermark={watermark}";
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities{query}", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        return (body.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList(), body.GetProperty("watermark").GetString()!);
    }

    /// <summary>Every activity of the conversation, paging by watermark.</summary>
    public async Task<List<JsonElement>> AllActivitiesAsync(string conversationId, string token)
    {
        var all = new List<JsonElement>();
        string? watermark = null;
        while (true)
        {
            var (page, next) = await GetActivitiesAsync(conversationId, token, watermark);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            watermark = next;
        }
    }

    public DirectLineTokens Tokens => Services.GetRequiredService<DirectLineTokens>();

    public static string MessageJson(string text, string? clientActivityId = null, string fromId = "dl_someone", string? role = "user") =>
        $$"""{"type":"message","from":{"id":"{{fromId}}","role":"{{role}}"},"text":{{JsonSerializer.Serialize(text)}},"channelId":"webchat"{{(clientActivityId is null ? string.Empty : $$""","channelData":{"clientActivityID":"{{clientActivityId}}"}""")}}}""";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts the status and the <c>{"error":{"code","message"}}</c> body.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
