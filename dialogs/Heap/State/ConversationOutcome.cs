namespace SupportBot.Dialogs.Heap.State;

/// <summary>
/// How the conversation ended, kept in conversation state (property <see cref="Property"/>) so
/// first-contact resolution can be reported. The latest case's outcome wins.
/// </summary>
public sealed class ConversationOutcome
{
    /// <summary>The conversation-state property name.</summary>
    public const string Property = "outcome";

    /// <summary>One of <see cref="Outcomes"/>.</summary>
    public string Kind { get; set; } = Outcomes.Open;

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The ticket the outcome is about, if any.</summary>
    public string? TicketId { get; set; }

    /// <summary>The customer's satisfaction score, 1–5, when they gave one.</summary>
    public int? Csat { get; set; }
}

/// <summary>Values of <see cref="ConversationOutcome.Kind"/>.</summary>
public static class Outcomes
{
    /// <summary>Still in progress.</summary>
    public const string Open = "open";

    /// <summary>Answered or solved by the bot in this conversation with no follow-up needed.</summary>
    public const string ResolvedFirstContact = "resolved-first-contact";

    /// <summary>A ticket was opened and the team will follow up.</summary>
    public const string AwaitingFollowUp = "awaiting-follow-up";

    /// <summary>The ticket was resolved and the customer told.</summary>
    public const string ResolvedAfterFollowUp = "resolved-after-follow-up";

    /// <summary>Handed to a person.</summary>
    public const string Escalated = "escalated";

    /// <summary>The customer stopped answering mid-case for longer than the policy's inactivity timeout.</summary>
    public const string Abandoned = "abandoned";
}
