using SupportBot.Core.Schema;

namespace SupportBot.Core.Turns;

/// <summary>What processing one inbound activity came to.</summary>
/// <param name="Duplicate">True when the activity had already been processed and no turn ran.</param>
/// <param name="Replies">
/// The turn's outgoing activities. For a duplicate these are the replies the first turn sent, read back
/// from the transcript, so a caller that retried (expectReplies) still gets its answer.
/// </param>
public sealed record TurnResult(bool Duplicate, IReadOnlyList<Activity> Replies);
