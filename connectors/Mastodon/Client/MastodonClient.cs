using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Connectors.Social.Http;

namespace SupportBot.Connectors.Mastodon.Client;

/// <summary>
/// The Mastodon REST calls SupportBot makes (PROTOCOLS.md §7) over an <see cref="HttpClient"/> whose base
/// address is the instance and whose handlers add the bearer token and keep to the rate limits
/// (<see cref="Create"/>).
/// </summary>
internal sealed class MastodonClient(HttpClient http)
{
    /// <summary>The account the token belongs to (<c>GET /api/v1/accounts/verify_credentials</c>).</summary>
    public async Task<MastodonAccount> VerifyCredentialsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/v1/accounts/verify_credentials", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(MastodonJsonContext.Default.MastodonAccount, cancellationToken).ConfigureAwait(false)
            ?? throw new MastodonApiException(response.StatusCode, "empty account");
    }

    /// <summary>
    /// The page of mention notifications right after <paramref name="minId"/> (oldest first), or the newest
    /// page when <paramref name="minId"/> is null. <c>min_id</c>, not <c>since_id</c>: <c>since_id</c> answers the newest
    /// page after the id, so a burst bigger than a page would lose its older part (§7).
    /// </summary>
    public async Task<IReadOnlyList<MastodonNotification>> GetMentionsAsync(string? minId, int limit, CancellationToken cancellationToken = default)
    {
        var query = $"api/v1/notifications?types[]=mention&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (minId is not null)
        {
            query += "&min_id=" + Uri.EscapeDataString(minId);
        }

        using var response = await http.GetAsync(query, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var page = await response.Content.ReadFromJsonAsync(MastodonJsonContext.Default.ListMastodonNotification, cancellationToken).ConfigureAwait(false) ?? [];
        page.Sort((a, b) => Social.PostIds.Compare(a.Id, b.Id));
        return page;
    }

    /// <summary>Posts a status (<c>POST /api/v1/statuses</c>); the <c>Idempotency-Key</c> makes a retried post one status.</summary>
    public async Task<MastodonStatus> PostStatusAsync(MastodonNewStatus status, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/statuses")
        {
            Content = JsonContent.Create(status, MastodonJsonContext.Default.MastodonNewStatus),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        // Buffered, so the rate-limit handler can send it again after a 5xx or a 429.
        await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(MastodonJsonContext.Default.MastodonStatus, cancellationToken).ConfigureAwait(false)
            ?? throw new MastodonApiException(response.StatusCode, "empty status");
    }

    /// <summary>An HTTP client for <paramref name="instance"/>: bearer token, rate limits (reset is ISO-8601), retries.</summary>
    public static HttpClient Create(Uri instance, string accessToken, RateLimitHandler rateLimits, HttpMessageHandler? transport = null)
    {
        rateLimits.InnerHandler = new BearerHandler(accessToken) { InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
        var baseAddress = instance.AbsoluteUri.EndsWith('/') ? instance : new Uri(instance.AbsoluteUri + "/");
        return new HttpClient(rateLimits) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>Reads <c>X-RateLimit-Limit/-Remaining/-Reset</c>; the reset is an ISO-8601 timestamp (§7).</summary>
    public static RateLimitReading ReadRateLimit(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new RateLimitReading(
            Header(response, "X-RateLimit-Limit") is { } limit && int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            Header(response, "X-RateLimit-Remaining") is { } remaining && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null,
            Header(response, "X-RateLimit-Reset") is { } reset && DateTimeOffset.TryParse(reset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? error = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            error = JsonSerializer.Deserialize(body, MastodonJsonContext.Default.MastodonError)?.Error;
        }
        catch (JsonException)
        {
        }

        throw new MastodonApiException(response.StatusCode, error);
    }

    /// <summary>Adds <c>Authorization: Bearer</c> to every attempt.</summary>
    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
