using System.Text.Json.Serialization;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>
/// Activities and the watermark after them: the answer of <c>GET …/activities</c> and each stream message.
/// Activities are written with core's CoreJsonContext shape (camelCase, nulls left out).
/// </summary>
internal sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string? Watermark);
