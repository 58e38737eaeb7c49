using System.Text.Json.Serialization;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>
/// The answer of <c>tokens/generate</c>, <c>tokens/refresh</c>, <c>conversations</c> and the reconnect GET
/// (PROTOCOLS.md §1); <see cref="StreamUrl"/> is left out of the token answers.
/// </summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null,
    [property: JsonPropertyName("referenceGrammarId")] string? ReferenceGrammarId = null);
