using System.Text.Json.Serialization;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>A conversation's head in the store: its user and the last watermark it assigned.</summary>
internal sealed record ConversationRecord(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("last")] long Last);

/// <summary>Which watermark and id a posted activity with a given <c>clientActivityID</c> received.</summary>
internal sealed record ClientActivityRecord(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("id")] string Id);

/// <summary>An uploaded file kept in the store.</summary>
internal sealed record StoredAttachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("data")] byte[] Data);

/// <summary>The per-install token signing key (used when no secret is configured).</summary>
internal sealed record SigningKeyRecord([property: JsonPropertyName("key")] byte[] Key);
