using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>Source-generated JSON for the Bot Connector wire types (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BotServiceJsonContext : JsonSerializerContext;
