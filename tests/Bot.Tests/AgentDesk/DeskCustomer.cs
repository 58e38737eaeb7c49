using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>A Web Chat customer over the Direct Line API: the page's token, a conversation, posts and polls.</summary>
internal sealed class DeskCustomer(Uri address) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    public string ConversationId { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public static async Task<DeskCustomer> StartAsync(Uri address)
    {
        var customer = new DeskCustomer(address);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        tokenRequest.Headers.Add("Origin", address.GetLeftPart(UriPartial.Authority));
        using var tokenResponse = await customer._client.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await JsonAsync(tokenResponse)).GetProperty("token").GetString()!;
        using var start = await customer.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        start.EnsureSuccessStatusCode();
        var body = await JsonAsync(start);
        customer.ConversationId = body.GetProperty("conversationId").GetString()!;
        customer.Token = body.GetProperty("token").GetString()!;
        return customer;
    }

    /// <summary>Posts a message (with a display name, as Web Chat's <c>userName</c> would send); answers its id.</summary>
    public async Task<string> PostAsync(string text, string? name = null)
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["from"] = name is null ? new Dictionary<string, string> { ["id"] = "dl_customer" } : new Dictionary<string, string> { ["id"] = "dl_customer", ["name"] = name },
            ["text"] = text,
        };
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", Token, JsonSerializer.Serialize(activity));
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>The texts of the bot-side messages so far (the bot's and the agent's).</summary>
    public async Task<List<(string Name, string Text)>> BotMessagesAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities", Token);
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot")
            .Select(a => (a.GetProperty("from").TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty, a.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty))
            .ToList();
    }

    /// <summary>Waits (generously: the machine is shared) for a bot-side message containing <paramref name="fragment"/>.</summary>
    public async Task<(string Name, string Text)> WaitForAsync(string fragment)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        List<(string Name, string Text)> seen = [];
        while (DateTime.UtcNow < deadline)
        {
            seen = await BotMessagesAsync();
            var match = seen.FindLast(m => m.Text.Contains(fragment, StringComparison.Ordinal));
            if (match.Text is not null)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No bot message containing '{fragment}'; saw: {string.Join(" | ", seen.Select(m => m.Text))}");
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string credential, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
