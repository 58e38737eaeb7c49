using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.Social;

/// <summary>
/// The social part of an activity's <c>channelData</c>, on inbound posts (where it came from) and on the
/// bot's replies (where the sender must post them). Replies without it go private: a proactive message
/// (an agent's words, a follow-up) never lands on a public timeline by accident.
/// </summary>
/// <param name="Visibility">A <see cref="SocialVisibility"/> value.</param>
/// <param name="PostId">Inbound: the post's id. Outbound: unused.</param>
/// <param name="InReplyTo">Outbound: the post to reply to (threading), if any.</param>
/// <param name="Url">Inbound: the post's web address, if the platform gives one.</param>
public sealed record SocialChannelData(
    [property: JsonPropertyName("visibility")] string Visibility,
    [property: JsonPropertyName("postId")] string? PostId = null,
    [property: JsonPropertyName("inReplyTo")] string? InReplyTo = null,
    [property: JsonPropertyName("url")] string? Url = null)
{
    /// <summary>Whether the post is (to be) public.</summary>
    [JsonIgnore]
    public bool IsPublic => Visibility == SocialVisibility.Public;

    /// <summary>The social channel data of <paramref name="activity"/>, or null when it carries none.</summary>
    public static SocialChannelData? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("visibility", out var visibility) || visibility.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return data.Deserialize(SocialJsonContext.Default.SocialChannelData);
    }

    /// <summary>This value as a <c>channelData</c> element.</summary>
    public JsonElement ToElement() => JsonSerializer.SerializeToElement(this, SocialJsonContext.Default.SocialChannelData);
}
