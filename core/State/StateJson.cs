using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupportBot.Core.Schema;

namespace SupportBot.Core.State;

/// <summary>
/// JSON options for values kept in bot state: camelCase, nulls omitted; wire types through the source
/// generated context, anything else through reflection so a dialog can keep its own records in state.
/// </summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CoreJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}
