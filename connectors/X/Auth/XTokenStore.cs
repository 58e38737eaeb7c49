using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupportBot.Connectors.X.Client;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.X.Auth;

/// <summary>
/// OAuth 2.0 user-context tokens for X. Refresh tokens rotate: every refresh answers a new refresh token
/// and voids the old one, so the new pair is written to the bot's storage (one atomic, ETag-checked write)
/// <b>before</b> the new access token is used — a crash after that write loses nothing, and a restart
/// goes on with the stored token rather than the configured (by then void) one.
/// </summary>
internal sealed partial class XTokenStore(IStorage storage, HttpClient tokenClient, XOptions options, TimeProvider timeProvider, ILogger<XTokenStore> logger)
{
    public const string StorageKey = "social/x/oauth2";

    /// <summary>Refresh this long before the access token expires.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private XStoredTokens? _current;

    /// <summary>A valid access token, refreshing (and persisting) first when needed.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && current.ExpiresAt - Skew > timeProvider.GetUtcNow())
        {
            return current.AccessToken;
        }

        return await RefreshAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A fresh access token: the stored one when it is valid and not <paramref name="rejected"/> (someone
    /// refreshed meanwhile), else a refresh with the newest refresh token.
    /// </summary>
    public async Task<string> RefreshAsync(string? rejected, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var (stored, etag) = await LoadAsync(cancellationToken).ConfigureAwait(false);
                if (stored is not null && stored.AccessToken != rejected && stored.ExpiresAt - Skew > timeProvider.GetUtcNow())
                {
                    _current = stored;
                    return stored.AccessToken;
                }

                var refreshToken = stored?.RefreshToken ?? options.RefreshToken
                    ?? throw new InvalidOperationException($"{XOptions.SectionName}:RefreshToken is not set.");
                var fresh = await RequestAsync(refreshToken, cancellationToken).ConfigureAwait(false);
                try
                {
                    var value = JsonSerializer.SerializeToElement(fresh, XJsonContext.Default.XStoredTokens);
                    await storage.WriteAsync(new Dictionary<string, StoreItem> { [StorageKey] = new(value, etag) }, CancellationToken.None).ConfigureAwait(false);
                }
                catch (StorageConflictException) when (attempt < 3)
                {
                    // Another instance rotated first; its pair is the one that counts.
                    LogConflict(logger);
                    continue;
                }

                _current = fresh;
                LogRefreshed(logger, fresh.ExpiresAt);
                return fresh.AccessToken;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(XStoredTokens? Tokens, string? ETag)> LoadAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([StorageKey], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(StorageKey, out var item)
            ? (item.Value.Deserialize(XJsonContext.Default.XStoredTokens), item.ETag)
            : (null, null);
    }

    private async Task<XStoredTokens> RequestAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
            }),
        };
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            // Confidential clients authenticate with HTTP Basic.
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(options.ClientId!)}:{Uri.EscapeDataString(options.ClientSecret)}")));
        }

        using var response = await tokenClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync(XJsonContext.Default.XTokenResponse, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body?.AccessToken is null)
        {
            LogRefreshFailed(logger, (int)response.StatusCode, body?.Error);
            throw new XApiException(response.StatusCode, $"token refresh failed: {body?.Error ?? "no token"} (re-authorize the account and set {XOptions.SectionName}:RefreshToken if the stored token was revoked)");
        }

        return new XStoredTokens(body.AccessToken, body.RefreshToken ?? refreshToken, timeProvider.GetUtcNow().AddSeconds(Math.Max(body.ExpiresIn, 1)));
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "X: access token refreshed and the rotated refresh token stored; valid until {ExpiresAt:O}")]
    private static partial void LogRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Error, Message = "X: token refresh answered {Status} ({Error})")]
    private static partial void LogRefreshFailed(ILogger logger, int status, string? error);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Warning, Message = "X: the stored tokens changed during a refresh (another instance); using theirs")]
    private static partial void LogConflict(ILogger logger);
}
