using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Schema;

/// <summary>
/// Everything needed to reach a conversation again later (proactive sends: follow-ups, agent replies,
/// ticket resolved). Stored with the conversation and handed to <c>ContinueConversationAsync</c>.
/// </summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The answer to a send, update or delete: the id the channel gave the activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>Replies returned in the HTTP response when the caller asked for <see cref="DeliveryModes.ExpectReplies"/>.</summary>
public sealed record ExpectedReplies(List<Activity> Activities);
