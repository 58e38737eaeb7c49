using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Connectors.Social.Http;

namespace SupportBot.Connectors.X.Client;

/// <summary>
/// The X API v2 calls SupportBot makes (PROTOCOLS.md §6) over an <see cref="HttpClient"/> whose handlers
/// authenticate (OAuth 2.0 bearer or OAuth 1.0a signature) and keep to the rate limits.
/// </summary>
internal sealed class XClient(HttpClient http)
{
    private const string PostFields = "tweet.fields=created_at,author_id,conversation_id&expansions=author_id&user.fields=username,name";

    /// <summary>The authenticated account (<c>GET /2/users/me</c>).</summary>
    public async Task<XUser> GetMeAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("2/users/me?user.fields=username,name", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync(XJsonContext.Default.XUserResponse, cancellationToken).ConfigureAwait(false);
        return body?.Data ?? throw new XApiException(response.StatusCode, "users/me returned no user");
    }

    /// <summary>
    /// One page of mentions newer than <paramref name="sinceId"/>, newest first; follow <c>meta.next_token</c>
    /// with <paramref name="paginationToken"/> for the older part of a burst.
    /// </summary>
    public async Task<XPostPage> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, int maxResults, CancellationToken cancellationToken = default)
    {
        var query = $"2/users/{Uri.EscapeDataString(userId)}/mentions?max_results={maxResults.ToString(CultureInfo.InvariantCulture)}&{PostFields}";
        if (sinceId is not null)
        {
            query += "&since_id=" + Uri.EscapeDataString(sinceId);
        }

        if (paginationToken is not null)
        {
            query += "&pagination_token=" + Uri.EscapeDataString(paginationToken);
        }

        using var response = await http.GetAsync(query, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(XJsonContext.Default.XPostPage, cancellationToken).ConfigureAwait(false)
            ?? new XPostPage(null, null, null);
    }

    /// <summary>One page of direct-message events, newest first (<c>GET /2/dm_events</c>).</summary>
    public async Task<XDmPage> GetDirectMessagesAsync(string? paginationToken, CancellationToken cancellationToken = default)
    {
        var query = "2/dm_events?dm_event.fields=id,text,sender_id,dm_conversation_id,created_at,event_type&event_types=MessageCreate&expansions=sender_id&user.fields=username,name&max_results=100";
        if (paginationToken is not null)
        {
            query += "&pagination_token=" + Uri.EscapeDataString(paginationToken);
        }

        using var response = await http.GetAsync(query, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(XJsonContext.Default.XDmPage, cancellationToken).ConfigureAwait(false)
            ?? new XDmPage(null, null, null);
    }

    /// <summary>Posts publicly, as a reply when <paramref name="inReplyTo"/> is set (<c>POST /2/tweets</c>); answers the new post's id.</summary>
    public async Task<string> PostAsync(string text, string? inReplyTo, CancellationToken cancellationToken = default)
    {
        var body = new XNewPost(text, inReplyTo is null ? null : new XReply(inReplyTo));
        using var response = await SendJsonAsync("2/tweets", JsonContent.Create(body, XJsonContext.Default.XNewPost), cancellationToken).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync(XJsonContext.Default.XCreatedResponse, cancellationToken).ConfigureAwait(false);
        return created?.Data?.Id ?? throw new XApiException(response.StatusCode, "the post's id is missing");
    }

    /// <summary>Sends a direct message to <paramref name="participantId"/>; answers the event id.</summary>
    public async Task<string> SendDirectMessageAsync(string participantId, string text, CancellationToken cancellationToken = default)
    {
        using var response = await SendJsonAsync($"2/dm_conversations/with/{Uri.EscapeDataString(participantId)}/messages", JsonContent.Create(new XNewDm(text), XJsonContext.Default.XNewDm), cancellationToken).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync(XJsonContext.Default.XDmCreatedResponse, cancellationToken).ConfigureAwait(false);
        return created?.Data?.DmEventId ?? throw new XApiException(response.StatusCode, "the message's id is missing");
    }

    /// <summary>Reads <c>x-rate-limit-limit/-remaining/-reset</c>; the reset is in Unix seconds (§6).</summary>
    public static RateLimitReading ReadRateLimit(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new RateLimitReading(
            Header(response, "x-rate-limit-limit") is { } limit && int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            Header(response, "x-rate-limit-remaining") is { } remaining && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null,
            Header(response, "x-rate-limit-reset") is { } reset && long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var at) ? DateTimeOffset.FromUnixTimeSeconds(at) : null);
    }

    /// <summary>X's limits are per endpoint: the bucket is the method and path with ids replaced.</summary>
    public static string BucketOf(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = (request.RequestUri?.AbsolutePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Length > 1 && s.All(char.IsAsciiDigit) ? ":id" : s);
        return request.Method.Method + " /" + string.Join('/', segments);
    }

    private async Task<HttpResponseMessage> SendJsonAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        // Buffered, so a retry (5xx, 429, a refreshed token) can send it again.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? detail = null;
        try
        {
            var problem = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), XJsonContext.Default.XProblem);
            detail = problem?.Detail ?? problem?.Errors?.FirstOrDefault()?.Message ?? problem?.Title;
        }
        catch (JsonException)
        {
        }

        throw new XApiException(response.StatusCode, detail);
    }
}
