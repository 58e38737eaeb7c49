using System.Text.Json.Serialization;

namespace SupportBot.Connectors.Social;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SocialChannelData))]
[JsonSerializable(typeof(SocialCheckpoint))]
[JsonSerializable(typeof(LinkProgress))]
internal sealed partial class SocialJsonContext : JsonSerializerContext;
