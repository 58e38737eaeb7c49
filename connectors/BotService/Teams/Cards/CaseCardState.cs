namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>Where a handoff case stands, as its Teams card shows it.</summary>
public enum CaseCardState
{
    /// <summary>Waiting for an agent to accept.</summary>
    Waiting,

    /// <summary>An agent has it.</summary>
    WithAgent,

    /// <summary>Closed by an agent; the customer is back with the bot for the rating.</summary>
    Resolved,

    /// <summary>Handed back to the bot without closing.</summary>
    ReturnedToBot,

    /// <summary>Nobody accepted in time.</summary>
    Failed,
}
