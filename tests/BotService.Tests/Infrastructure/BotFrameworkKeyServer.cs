using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.BotService.Tests.Infrastructure;

/// <summary>
/// Plays the Bot Framework's token issuer (PROTOCOLS.md §3) on 127.0.0.1: RSA keys generated here, an OpenID
/// metadata document at <see cref="MetadataUrl"/> naming a <c>jwks_uri</c> whose keys carry
/// <c>endorsements</c> (the channels each may sign for), and tokens minted as a channel would send them.
/// Point BotFramework:OpenIdMetadataUrl at <see cref="MetadataUrl"/>.
/// </summary>
public sealed class BotFrameworkKeyServer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];
    private int _jwksRequests;

    private BotFrameworkKeyServer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = string.Empty;

    /// <summary>How often the key set was fetched (cache and refresh checks).</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>Starts the server publishing one key endorsed for <paramref name="endorsements"/> (default: msteams, emulator, webchat).</summary>
    public static async Task<BotFrameworkKeyServer> StartAsync(params string[] endorsements)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BotFrameworkKeyServer(app);
        server.Publish(NewKey("key-1"), endorsements.Length > 0 ? endorsements : ["msteams", "emulator", "webchat"]);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com/v1/auth",
            ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref server._jwksRequests);
            lock (server._published)
            {
                return Results.Json(new Dictionary<string, object>
                {
                    ["keys"] = server._published.Select(p => Jwk(p.Key, p.Endorsements)).ToList(),
                });
            }
        });
        await app.StartAsync();
        server.MetadataUrl = app.Urls.First().TrimEnd('/') + "/v1/.well-known/openidconfiguration";
        return server;
    }

    /// <summary>The first published key (the one tokens are signed with unless a test says otherwise).</summary>
    public RsaSecurityKey SigningKey { get { lock (_published) { return _published[0].Key; } } }

    /// <summary>A fresh 2048-bit RSA key with key id <paramref name="keyId"/>, not published.</summary>
    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>Adds a key to the published key set.</summary>
    public void Publish(RsaSecurityKey key, params string[] endorsements)
    {
        lock (_published)
        {
            _published.Add((key, endorsements));
        }
    }

    /// <summary>
    /// A token as the Bot Framework would send with an activity: issuer, audience (our app id), lifetime and
    /// the <c>serviceurl</c> claim; each part can be changed to make it wrong.
    /// </summary>
    public string CreateToken(string audience, string serviceUrl, string? issuer = null, SecurityKey? signingKey = null,
        DateTime? notBefore = null, DateTime? expires = null, bool includeServiceUrl = true)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["appid"] = "channel-app", ["ver"] = "1.0" };
        if (includeServiceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
