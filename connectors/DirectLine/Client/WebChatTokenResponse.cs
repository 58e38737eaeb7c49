using System.Text.Json.Serialization;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>The answer of our own <c>POST /api/webchat/token</c>: a conversation token and the user id it binds.</summary>
internal sealed record WebChatTokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId);
