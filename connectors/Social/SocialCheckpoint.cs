using System.Text.Json.Serialization;

namespace SupportBot.Connectors.Social;

/// <summary>The newest post of a stream whose turn is committed; polling resumes after it.</summary>
/// <param name="LastId">The id, or <c>"0"</c> when the stream had nothing at the first start.</param>
/// <param name="UpdatedAt">When it last moved.</param>
public sealed record SocialCheckpoint(
    [property: JsonPropertyName("lastId")] string LastId,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt);
