using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.DirectLine.Tokens;

/// <summary>
/// Issues and checks Direct Line tokens: <c>dl1.{payload}.{HMAC-SHA256}</c>, both parts base64url. The
/// signing key is derived from the secret when one is configured (so every instance sharing the secret
/// accepts each other's tokens); otherwise a random key is created once and kept in the store. Tokens are
/// never logged.
/// </summary>
internal sealed class DirectLineTokens(IOptions<DirectLineOptions> options, IStorage storage, TimeProvider timeProvider)
{
    private const string Prefix = "dl1.";
    private const string SigningKeyKey = "directline/signing-key";
    private static readonly byte[] KeyLabel = "SupportBot.DirectLine.TokenSigningKey.v1"u8.ToArray();

    private readonly DirectLineOptions _options = options.Value;
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private byte[]? _key;

    public TimeSpan Lifetime => _options.TokenLifetime;

    /// <summary>A new token for <paramref name="conversationId"/> and <paramref name="userId"/>, issued now (or at <paramref name="issuedAt"/>).</summary>
    public async Task<(string Token, DirectLineToken Claims)> IssueAsync(string conversationId, string userId, string? userName, DateTimeOffset? issuedAt = null, CancellationToken cancellationToken = default)
    {
        var now = issuedAt ?? timeProvider.GetUtcNow();
        var claims = new DirectLineToken(conversationId, userId, userName, now, now + _options.TokenLifetime, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenPayload(claims.ConversationId, claims.UserId, claims.UserName, now.ToUnixTimeSeconds(), claims.ExpiresAt.ToUnixTimeSeconds(), claims.Id),
            DirectLineJsonContext.Default.TokenPayload);
        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        var token = Prefix + Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
        return (token, claims);
    }

    /// <summary>Checks an <c>Authorization</c> header value or a bare token (from a stream URL).</summary>
    public async Task<CredentialCheck> CheckAsync(string? credential, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(credential))
        {
            return new CredentialCheck(CredentialStatus.Missing);
        }

        if (!string.IsNullOrEmpty(_options.Secret)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(_options.Secret)))
        {
            return new CredentialCheck(CredentialStatus.Valid, DirectLineCaller.Secret);
        }

        var claims = await ReadAsync(credential, cancellationToken).ConfigureAwait(false);
        if (claims is null)
        {
            return new CredentialCheck(CredentialStatus.Invalid);
        }

        return timeProvider.GetUtcNow() >= claims.ExpiresAt
            ? new CredentialCheck(CredentialStatus.Expired)
            : new CredentialCheck(CredentialStatus.Valid, new DirectLineCaller(claims));
    }

    /// <summary>The claims of a token this server signed, expired or not; null for anything else.</summary>
    public async Task<DirectLineToken?> ReadAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 2048)
        {
            return null;
        }

        var parts = token[Prefix.Length..].Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(parts[0]);
            signature = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }

        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
        {
            return null;
        }

        var data = JsonSerializer.Deserialize(payload, DirectLineJsonContext.Default.TokenPayload);
        return data is null
            ? null
            : new DirectLineToken(data.ConversationId, data.UserId, data.UserName,
                DateTimeOffset.FromUnixTimeSeconds(data.IssuedAt), DateTimeOffset.FromUnixTimeSeconds(data.ExpiresAt), data.Id);
    }

    private async ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _keyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _key ??= string.IsNullOrEmpty(_options.Secret)
                ? await StoredKeyAsync(cancellationToken).ConfigureAwait(false)
                : HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret), KeyLabel);
            return _key;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    /// <summary>The install's random key: created once (ETag null = create only), so racing instances agree.</summary>
    private async Task<byte[]> StoredKeyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var found = await storage.ReadAsync([SigningKeyKey], cancellationToken).ConfigureAwait(false);
            if (found.TryGetValue(SigningKeyKey, out var item))
            {
                return item.Value.Deserialize(DirectLineJsonContext.Default.SigningKeyRecord)!.Key;
            }

            var key = RandomNumberGenerator.GetBytes(32);
            var value = JsonSerializer.SerializeToElement(new SigningKeyRecord(key), DirectLineJsonContext.Default.SigningKeyRecord);
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [SigningKeyKey] = new(value) }, cancellationToken).ConfigureAwait(false);
                return key;
            }
            catch (StorageConflictException) when (attempt < 3)
            {
                // Another instance created it first: read theirs.
            }
        }
    }
}
