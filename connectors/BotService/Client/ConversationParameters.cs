using System.Text.Json;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>
/// The body of <c>POST /v3/conversations</c> (PROTOCOLS.md §3). A new thread in a Teams channel:
/// <c>IsGroup = true</c>, <c>ChannelData = {"channel":{"id":"19:…"}}</c>, <c>TenantId</c>, and the first
/// message as <c>Activity</c>.
/// </summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public List<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }
    public string? TenantId { get; init; }
}

/// <summary>The answer to creating a conversation: its id, the first activity's id and where to reach it.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}
