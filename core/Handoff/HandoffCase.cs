using SupportBot.Core.Schema;

namespace SupportBot.Core.Handoff;

/// <summary>One handoff of one customer conversation, as stored (durable) and shown to the hubs.</summary>
public sealed record HandoffCase
{
    /// <summary>Short, human-friendly id, e.g. <c>H-1001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The customer's conversation (its channel decides how replies travel).</summary>
    public required ConversationReference Reference { get; init; }

    public required HandoffStatus Status { get; init; }

    public required HandoffReason Reason { get; init; }

    public required HandoffContext Context { get; init; }

    /// <summary>The agent who accepted, once one did.</summary>
    public AgentRef? Agent { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the agent accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The agent's closing note (agent side only; never shown to the customer).</summary>
    public string? Note { get; init; }

    /// <summary>What hubs keep about the case (e.g. the Teams thread's conversation and activity ids), by key.</summary>
    public IReadOnlyDictionary<string, string> HubData { get; init; } = new Dictionary<string, string>();

    /// <summary>The customer's channel id.</summary>
    public string ChannelId => Reference.ChannelId ?? string.Empty;

    /// <summary>The customer's conversation id.</summary>
    public string ConversationId => Reference.Conversation?.Id ?? string.Empty;
}
