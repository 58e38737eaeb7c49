namespace SupportBot.Core.Handoff;

/// <summary>
/// The conversation's handoff flag, kept in conversation state (property <see cref="Property"/>): the state
/// is loaded every turn anyway, so a conversation that never had a handoff pays no extra read to know it.
/// The store stays the truth; a stale flag is corrected on the next customer message.
/// </summary>
public sealed class HandoffMarker
{
    /// <summary>The conversation-state property name.</summary>
    public const string Property = "handoff";

    /// <summary>The active case.</summary>
    public string CaseId { get; set; } = string.Empty;

    /// <summary>When the customer was last told they are still waiting (or that a person is coming).</summary>
    public DateTimeOffset LastNoticeAt { get; set; }
}
