namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>What the policy allows for one issue type.</summary>
public sealed class IssuePolicy
{
    /// <summary>Used when the configuration has no entry at all (validation normally prevents it).</summary>
    internal static IssuePolicy Fallback { get; } = new() { Actions = [HeapActions.Ticket, HeapActions.Callback], SlaHours = 48 };

    /// <summary>The actions (<see cref="HeapActions"/>) the bot may offer, in the order it offers them.</summary>
    public List<string> Actions { get; set; } = [];

    /// <summary>How long the team has to resolve it; the bot promises this time frame.</summary>
    public int SlaHours { get; set; } = 48;

    /// <summary>Offer a knowledge-base answer before any action (self-service issues such as a password reset).</summary>
    public bool KnowledgeFirst { get; set; }

    /// <summary>The SLA as customers read it: "within 4 hours", "within 2 days".</summary>
    public string TimeFrame => SlaHours % 24 == 0 && SlaHours >= 48 ? $"within {SlaHours / 24} days"
        : SlaHours == 24 ? "within 24 hours"
        : $"within {SlaHours} hours";
}
