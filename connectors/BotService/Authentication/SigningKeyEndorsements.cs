using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SupportBot.Connectors.BotService.Authentication;

/// <summary>
/// The channels each Bot Framework signing key may sign for: the <c>endorsements</c> array the JWKS carries
/// next to each key (PROTOCOLS.md §3). A token signed by a key not endorsed for the activity's channel is refused.
/// </summary>
internal static class SigningKeyEndorsements
{
    private const string Property = "endorsements";

    /// <summary>True when the key <paramref name="keyId"/> of <paramref name="configuration"/> endorses <paramref name="channelId"/>.</summary>
    public static bool Endorses(OpenIdConnectConfiguration configuration, string? keyId, string channelId)
    {
        if (string.IsNullOrEmpty(keyId) || configuration.JsonWebKeySet is null)
        {
            return false;
        }

        foreach (var key in configuration.JsonWebKeySet.Keys)
        {
            if (string.Equals(key.Kid, keyId, StringComparison.Ordinal)
                && key.AdditionalData.TryGetValue(Property, out var value)
                && Values(value).Contains(channelId, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Values(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        string single => [single],
        IEnumerable items => items.Cast<object?>().Select(item => item switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        }).OfType<string>(),
        _ => [],
    };
}
