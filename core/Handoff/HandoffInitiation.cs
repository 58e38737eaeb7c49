namespace SupportBot.Core.Handoff;

/// <summary>The answer to <see cref="HandoffService.InitiateAsync"/>: the case and where it stands in the queue.</summary>
/// <param name="Case">The (new or already active) case.</param>
/// <param name="Position">1 for the next case an agent will see; 0 when it is already with an agent.</param>
/// <param name="QueueLength">How many cases are waiting, this one included.</param>
/// <param name="AlreadyActive">True when the conversation was already handed over (no new case).</param>
public sealed record HandoffInitiation(HandoffCase Case, int Position, int QueueLength, bool AlreadyActive);
