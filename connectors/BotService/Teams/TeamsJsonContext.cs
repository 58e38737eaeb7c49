using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>Source-generated JSON for what the Teams hub stores and sends.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
