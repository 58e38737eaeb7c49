using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>
/// Gets the bot's token as Azure Bot Service expects for its app type: client credentials against
/// <c>BotFramework:OAuthTokenEndpoint</c> (MultiTenant, SingleTenant) or the managed identity endpoint
/// (UserAssignedMSI). The token is cached and replaced five minutes before it expires (sooner for short
/// lifetimes), one request at a time however many sends wait for it.
/// </summary>
internal sealed class BotConnectorTokenProvider(
    IOptions<BotFrameworkOptions> options,
    BotServiceHttp http,
    TimeProvider timeProvider,
    ILogger<BotConnectorTokenProvider> logger) : IBotConnectorTokenProvider
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.RequiresAuthentication)
        {
            return null;
        }

        if (_cached is { } cached && timeProvider.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_cached is { } fresh && now < fresh.RefreshAt)
            {
                return fresh.Token;
            }

            var (token, lifetime) = await RequestAsync(settings, cancellationToken).ConfigureAwait(false);
            var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
            _cached = new CachedToken(token, now + lifetime - margin);
            BotServiceLog.TokenAcquired(logger, now + lifetime);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(BotFrameworkOptions settings, CancellationToken cancellationToken)
    {
        string endpoint;
        HttpRequestMessage request;
        if (settings.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            // Azure's instance metadata service: GET with the identity's client id and the Bot Framework resource.
            var resource = settings.OAuthScope.EndsWith("/.default", StringComparison.Ordinal) ? settings.OAuthScope[..^"/.default".Length] : settings.OAuthScope;
            endpoint = settings.ManagedIdentityEndpoint;
            request = new HttpRequestMessage(HttpMethod.Get,
                $"{endpoint}?api-version=2018-02-01&resource={Uri.EscapeDataString(resource)}&client_id={Uri.EscapeDataString(settings.MicrosoftAppId)}");
            request.Headers.Add("Metadata", "true");
        }
        else
        {
            endpoint = settings.EffectiveOAuthTokenEndpoint;
            request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("grant_type", "client_credentials"),
                    new("client_id", settings.MicrosoftAppId),
                    new("client_secret", settings.MicrosoftAppPassword),
                    new("scope", settings.OAuthScope),
                ]),
            };
        }

        using (request)
        using (var response = await http.Client.SendAsync(request, cancellationToken).ConfigureAwait(false))
        {
            TokenResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync(BotServiceJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                // Reported below with the status.
            }

            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken) || body.ExpiresInSeconds is not > 0)
            {
                var error = body?.Error ?? "no token in the answer";
                BotServiceLog.TokenFailed(logger, endpoint, (int)response.StatusCode, error);
                throw new BotConnectorException(response.IsSuccessStatusCode ? System.Net.HttpStatusCode.BadGateway : response.StatusCode,
                    "TokenUnavailable", $"The token endpoint answered {(int)response.StatusCode} ({error}).");
            }

            return (body.AccessToken, TimeSpan.FromSeconds(body.ExpiresInSeconds.Value));
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}
