using System.Text.Json.Serialization;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>The signed part of a token: conversation, user, issue and expiry (Unix seconds), token id.</summary>
internal sealed record TokenPayload(
    [property: JsonPropertyName("c")] string ConversationId,
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("n")] string? UserName,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("jti")] string Id);
