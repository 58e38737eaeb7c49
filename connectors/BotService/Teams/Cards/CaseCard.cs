namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>
/// Everything the Teams card of one handoff case shows. Plain data, so the card can be rebuilt at any
/// time (after an invoke, a status change) from the stored case.
/// </summary>
public sealed record CaseCard
{
    public required string CaseId { get; init; }

    public required CaseCardState State { get; init; }

    public required string CustomerName { get; init; }

    /// <summary>The customer's channel (directline, email, x, mastodon …).</summary>
    public required string Channel { get; init; }

    /// <summary>Why the bot handed over (sentiment, explicit request …).</summary>
    public required string Reason { get; init; }

    /// <summary>The detail behind the reason (the escalation policy's or the analyzer's words).</summary>
    public IReadOnlyList<string> ReasonDetails { get; init; } = [];

    /// <summary>How far the HEAP conversation got (Hear, Empathize, Lead, Provide).</summary>
    public string? Stage { get; init; }

    public string Summary { get; init; } = string.Empty;

    /// <summary>What the bot heard, as "label: value" pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    /// <summary>What was offered or tried.</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>Open and past tickets, e.g. "T-1004 (open) damaged item".</summary>
    public IReadOnlyList<string> Tickets { get; init; } = [];

    /// <summary>The customer's mood per message, −1 … 1, oldest first.</summary>
    public IReadOnlyList<double> MoodScores { get; init; } = [];

    /// <summary>The analyzer's reasons for the latest readings.</summary>
    public IReadOnlyList<string> MoodReasons { get; init; } = [];

    /// <summary>The conversation so far, oldest first.</summary>
    public IReadOnlyList<CaseCardLine> Transcript { get; init; } = [];

    /// <summary>The agent who has (or had) the case.</summary>
    public string? AgentName { get; init; }

    /// <summary>Where the agent works: "teams" or "desk".</summary>
    public string? AgentHub { get; init; }

    /// <summary>The resolution note, once resolved.</summary>
    public string? Note { get; init; }

    /// <summary>A line for the person looking at the card only (e.g. "Ana already has this case").</summary>
    public string? Notice { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
