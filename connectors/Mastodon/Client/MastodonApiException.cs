using System.Net;

namespace SupportBot.Connectors.Mastodon.Client;

/// <summary>The Mastodon API refused a request (after the retries the rate-limit handler allows).</summary>
public sealed class MastodonApiException(HttpStatusCode status, string? error)
    : HttpRequestException($"Mastodon answered {(int)status}: {error ?? "(no error text)"}", null, status);
