using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Authentication;

/// <summary>
/// Checks the Bot Framework token on a call to <c>/api/messages</c> (PROTOCOLS.md §3, channel → bot):
/// an RS256 JWT signed by a key from the OpenID metadata's <c>jwks_uri</c>, issued by the Bot Framework
/// (or the app's tenant for single-tenant apps), for our app id, within its lifetime (5 minutes' skew),
/// whose <c>serviceurl</c> claim is the activity's service URL and whose signing key is endorsed for the
/// activity's channel. With an app id configured there is no way to switch any of it off.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    /// <summary>Allowed clock difference between the token's issuer and this host.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string BearerPrefix = "Bearer ";
    private const string ServiceUrlClaim = "serviceurl";

    private readonly BotFrameworkOptions _options;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    /// <summary>Least time between two key refreshes forced by tokens naming an unknown key.</summary>
    private static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(5);

    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _keys;
    private readonly IReadOnlyList<string> _issuers;
    private readonly TimeProvider _timeProvider;
    private long _lastForcedRefreshTicks = long.MinValue;

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, BotServiceHttp http, TimeProvider timeProvider, ILogger<BotFrameworkAuthenticator> logger)
    {
        _timeProvider = timeProvider;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _options = options.Value;
        _issuers = _options.ValidIssuers();
        _logger = logger;
        if (_options.RequiresAuthentication)
        {
            // The metadata and the key set are fetched on first use, cached, refreshed daily and on demand
            // (at most every 5 minutes) when a token names a key we do not know: keys roll over.
            var metadata = new Uri(_options.OpenIdMetadataUrl);
            _keys = new ConfigurationManager<OpenIdConnectConfiguration>(
                _options.OpenIdMetadataUrl,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(http.Client) { RequireHttps = !metadata.IsLoopback })
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(24),
                RefreshInterval = ConfigurationManager<OpenIdConnectConfiguration>.MinimumRefreshInterval,
            };
        }
    }

    /// <summary>Authenticates the caller of one inbound activity from its <c>Authorization</c> header.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_keys is null)
        {
            // No app id: never fail open. Only an explicit AllowUnauthenticated lets calls through.
            return _options.AllowUnauthenticated
                ? AuthenticationResult.Anonymous
                : AuthenticationResult.Unauthorized("no app id is configured and unauthenticated mode is off");
        }

        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || authorization.Length == BearerPrefix.Length)
        {
            return AuthenticationResult.Unauthorized("no bearer token");
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // Without keys nothing can be verified: refuse (the channel retries) rather than let anyone in.
            BotServiceLog.SigningKeysUnavailable(_logger, ex);
            return AuthenticationResult.Unauthorized("the signing keys could not be fetched");
        }

        var result = await ValidateAsync(token, configuration).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await RefreshedAsync(configuration, cancellationToken).ConfigureAwait(false) is { } refreshed)
        {
            // A key we had not seen: the keys rolled over since we fetched them.
            configuration = refreshed;
            result = await ValidateAsync(token, configuration).ConfigureAwait(false);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return AuthenticationResult.Unauthorized(Describe(result.Exception));
        }

        // The token names the service it came from; the activity must not redirect the replies elsewhere.
        jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrlClaim);
        if (!string.Equals(serviceUrlClaim ?? string.Empty, activity.ServiceUrl ?? string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Forbidden("the token's serviceurl claim is not the activity's serviceUrl");
        }

        var keyId = jwt.SigningKey?.KeyId ?? jwt.Kid;
        if (string.IsNullOrEmpty(activity.ChannelId) || !SigningKeyEndorsements.Endorses(configuration, keyId, activity.ChannelId))
        {
            return AuthenticationResult.Forbidden("the signing key is not endorsed for the activity's channel");
        }

        return AuthenticationResult.Success;
    }

    /// <summary>
    /// Fetches the keys again, at most once per <see cref="ForcedRefreshInterval"/> (so tokens naming made-up
    /// keys cannot make us hammer the metadata service), and answers the new configuration, or null.
    /// </summary>
    private async Task<OpenIdConnectConfiguration?> RefreshedAsync(OpenIdConnectConfiguration stale, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastForcedRefreshTicks);
        if ((last != long.MinValue && now - last < ForcedRefreshInterval.Ticks)
            || Interlocked.CompareExchange(ref _lastForcedRefreshTicks, now, last) != last)
        {
            return null;
        }

        // The manager refreshes in the background after a request: wait (briefly) for the new document.
        _keys!.RequestRefresh();
        var deadline = _timeProvider.GetUtcNow() + RefreshWait;
        while (_timeProvider.GetUtcNow() < deadline)
        {
            var current = await _keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(current, stale))
            {
                return current;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = _issuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the token is not for this app id",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed by an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not RS256",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        null => "the token is invalid",
        _ => "the token is invalid (" + exception.GetType().Name + ")",
    };
}
