using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>
/// An OAuth token endpoint's answer. Entra ID sends <c>expires_in</c> as a number, the managed identity
/// endpoint as a string: both are read.
/// </summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public JsonElement ExpiresIn { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The lifetime in seconds, or null when missing or unreadable.</summary>
    public long? ExpiresInSeconds => ExpiresIn.ValueKind switch
    {
        JsonValueKind.Number when ExpiresIn.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(ExpiresIn.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };
}
