using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Schema;

/// <summary>Metadata attached to an activity (mention, place, ClientCapabilities …): a type and free properties.</summary>
public sealed record Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A highlighted range of text in the activity this one refers to.</summary>
public sealed record TextHighlight
{
    public string? Text { get; set; }
    public int? Occurrence { get; set; }
}

/// <summary>A programmatic action the activity carries.</summary>
public sealed record SemanticAction
{
    public string? Id { get; set; }
    public string? State { get; set; }
    public Dictionary<string, Entity>? Entities { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
