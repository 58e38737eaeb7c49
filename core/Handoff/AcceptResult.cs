namespace SupportBot.Core.Handoff;

/// <summary>How an accept went.</summary>
public enum AcceptOutcome
{
    /// <summary>This agent has the case now.</summary>
    Accepted = 0,

    /// <summary>Another agent accepted first (see <see cref="AcceptResult.TakenBy"/>).</summary>
    AlreadyTaken = 1,

    /// <summary>No case with that id.</summary>
    NotFound = 2,

    /// <summary>The case is no longer waiting (closed, returned, failed).</summary>
    NotWaiting = 3,
}

/// <summary>The answer to <see cref="HandoffService.AcceptAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Case">The case as it is now (null when not found).</param>
/// <param name="TakenBy">Who has it, when another agent won.</param>
public sealed record AcceptResult(AcceptOutcome Outcome, HandoffCase? Case, AgentRef? TakenBy = null);

/// <summary>How an agent's action (send, resolve, return) went.</summary>
public enum HandoffActionOutcome
{
    /// <summary>Done.</summary>
    Done = 0,

    /// <summary>No case with that id.</summary>
    NotFound = 1,

    /// <summary>The case is not in a state that allows it (e.g. sending before accepting, or after closing).</summary>
    NotActive = 2,

    /// <summary>Another agent has the case.</summary>
    NotYours = 3,
}
