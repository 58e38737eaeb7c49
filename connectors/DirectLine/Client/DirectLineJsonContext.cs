using System.Text.Json.Serialization;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>Source-generated JSON for the Direct Line wire and store records (activities use CoreJsonContext).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(WebChatTokenResponse))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenPayload))]
[JsonSerializable(typeof(ConversationRecord))]
[JsonSerializable(typeof(ClientActivityRecord))]
[JsonSerializable(typeof(StoredAttachment))]
[JsonSerializable(typeof(SigningKeyRecord))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
