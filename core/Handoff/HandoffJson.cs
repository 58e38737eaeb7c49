using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Handoff;

/// <summary>JSON for handoff records: camelCase, nulls omitted, enums as camelCase strings, activities in the wire shape.</summary>
public static class HandoffJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CoreJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>The status as it appears in JSON and in the store (<c>waiting</c>, <c>withAgent</c> …).</summary>
    public static string Name(HandoffStatus status) => status switch
    {
        HandoffStatus.Waiting => "waiting",
        HandoffStatus.WithAgent => "withAgent",
        HandoffStatus.Closed => "closed",
        HandoffStatus.ReturnedToBot => "returnedToBot",
        HandoffStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static HandoffStatus Parse(string name) => name switch
    {
        "waiting" => HandoffStatus.Waiting,
        "withAgent" => HandoffStatus.WithAgent,
        "closed" => HandoffStatus.Closed,
        "returnedToBot" => HandoffStatus.ReturnedToBot,
        "failed" => HandoffStatus.Failed,
        _ => throw new FormatException($"Unknown handoff status '{name}'."),
    };
}
