using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace SupportBot.Bench;

/// <summary>
/// One benchmark customer: gets a token the way the chat page does, starts a Direct Line conversation,
/// opens its WebSocket stream, then holds the HEAP script, posting each message only after the bot's
/// reply to the previous one has arrived on the socket.
/// </summary>
internal sealed class WebChatBenchmarkConversation : IAsyncDisposable
{
    /// <summary>With this environment variable set, tokens come from <c>tokens/generate</c> (secret) instead of the page's endpoint.</summary>
    public const string SecretVariable = "SUPPORTBOT_BENCH_DIRECTLINE_SECRET";

    private readonly HttpClient _http;
    private readonly string _conversationId;
    private readonly string _token;
    private readonly string _userId;
    private readonly WebChatBenchmarkStream _stream;
    private readonly WebChatBenchmarkTally _tally;
    private string? _timedOutActivityId;

    private WebChatBenchmarkConversation(HttpClient http, string conversationId, string token, string userId, WebChatBenchmarkStream stream, WebChatBenchmarkTally tally)
    {
        (_http, _conversationId, _token, _userId, _stream, _tally) = (http, conversationId, token, userId, stream, tally);
    }

    /// <summary>Token, conversation, stream: everything before the first message.</summary>
    public static async Task<WebChatBenchmarkConversation> OpenAsync(HttpClient http, WebChatBenchmarkTally tally, CancellationToken cancellationToken = default)
    {
        var (token, userId) = await TokenAsync(http, cancellationToken).ConfigureAwait(false);
        using var start = Request(HttpMethod.Post, "v3/directline/conversations", token);
        start.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var started = await http.SendAsync(start, cancellationToken).ConfigureAwait(false);
        var conversation = await JsonAsync(started, cancellationToken).ConfigureAwait(false);
        var conversationId = conversation.GetProperty("conversationId").GetString()!;
        var streamUrl = new Uri(conversation.GetProperty("streamUrl").GetString()!);
        var stream = await WebChatBenchmarkStream.ConnectAsync(streamUrl, userId, tally, cancellationToken).ConfigureAwait(false);
        return new WebChatBenchmarkConversation(http, conversationId, token, userId, stream, tally);
    }

    /// <summary>Walks the script; stops at the first failed post or reply timeout (the dialog cannot go on).</summary>
    public async Task RunAsync(TimeSpan replyTimeout, TimeSpan thinkTime, CancellationToken cancellationToken = default)
    {
        // Customers do not type in step: each waits a random share of the think time before its first
        // message and 0.5–1.5 times it between messages, so the load is steady rather than 500-wide bursts.
        await ThinkAsync(thinkTime * Random.Shared.NextDouble(), cancellationToken).ConfigureAwait(false);
        foreach (var (says, expect) in WebChatBenchmarkScript.Turns)
        {
            var posted = Stopwatch.GetTimestamp();
            string activityId;
            try
            {
                activityId = await PostAsync(says, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _tally.FailedPost();
                return;
            }

            WebChatBenchmarkReply reply;
            try
            {
                var left = replyTimeout - Stopwatch.GetElapsedTime(posted);
                reply = await _stream.ReplyToAsync(activityId).WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _timedOutActivityId = activityId;
                return;
            }

            _tally.Reply(Stopwatch.GetElapsedTime(posted, reply.ArrivedAt).TotalMilliseconds);
            if (!reply.Text.Contains(expect, StringComparison.OrdinalIgnoreCase))
            {
                _tally.UnexpectedReply();
            }

            await ThinkAsync(thinkTime * (0.5 + Random.Shared.NextDouble()), cancellationToken).ConfigureAwait(false);
        }

        _tally.CompletedConversation();
    }

    /// <summary>
    /// After the run: a reply that missed the timeout on the socket is looked up in the conversation's
    /// history. Found, it was late; missing, it was lost.
    /// </summary>
    public async Task SettleTimeoutAsync(CancellationToken cancellationToken = default)
    {
        if (_timedOutActivityId is not { } activityId)
        {
            return;
        }

        string? watermark = null;
        while (true)
        {
            using var request = Request(HttpMethod.Get, $"v3/directline/conversations/{_conversationId}/activities{(watermark is null ? string.Empty : "?watermark=" + watermark)}", _token);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var page = await JsonAsync(response, cancellationToken).ConfigureAwait(false);
            var activities = page.GetProperty("activities");
            if (activities.GetArrayLength() == 0)
            {
                _tally.LostReply();
                return;
            }

            foreach (var activity in activities.EnumerateArray())
            {
                if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == activityId)
                {
                    _tally.LateReply();
                    return;
                }
            }

            watermark = page.GetProperty("watermark").GetString();
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private static Task ThinkAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;

    /// <summary>Posts a message as Web Chat does (clientActivityID, channelId, role, locale); answers the server id.</summary>
    private async Task<string> PostAsync(string text, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["channelId"] = "webchat",
            ["from"] = new JsonObject { ["id"] = _userId, ["role"] = "user" },
            ["locale"] = "en-GB",
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
        };
        using var request = Request(HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities", _token);
        request.Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (await JsonAsync(response, cancellationToken).ConfigureAwait(false)).GetProperty("id").GetString()!;
    }

    private static async Task<(string Token, string UserId)> TokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } secret)
        {
            var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            using var generate = Request(HttpMethod.Post, "v3/directline/tokens/generate", secret);
            generate.Content = new StringContent(new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }.ToJsonString(), Encoding.UTF8, "application/json");
            using var generated = await http.SendAsync(generate, cancellationToken).ConfigureAwait(false);
            return ((await JsonAsync(generated, cancellationToken).ConfigureAwait(false)).GetProperty("token").GetString()!, userId);
        }

        // The page's own endpoint: the Origin must be the server's (PROTOCOLS.md §1; issue 5 point 2).
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webchat/token");
        request.Headers.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await JsonAsync(response, cancellationToken).ConfigureAwait(false);
        return (answer.GetProperty("token").GetString()!, answer.GetProperty("userId").GetString()!);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string credential)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.AbsolutePath}: {body}", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
