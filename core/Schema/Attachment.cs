using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Schema;

/// <summary>A file or card attached to an activity.</summary>
public sealed record Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
