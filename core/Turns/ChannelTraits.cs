namespace SupportBot.Core.Turns;

/// <summary>
/// What the channel of a turn is like, set in the turn state by its connector, so that dialogs adapt their
/// output without knowing which channel it is (a channel never leaks into dialogs). Absent: live chat.
/// </summary>
public sealed record ChannelTraits
{
    /// <summary>
    /// The customer reads the whole of a turn's answer at once and answers later by reply (email): say
    /// everything useful in one turn rather than stopping for a quick confirmation, and never hold messages
    /// back waiting for more.
    /// </summary>
    public bool AnswersByReply { get; init; }

    /// <summary>The traits of <paramref name="turnContext"/>'s channel, or null for live chat.</summary>
    public static ChannelTraits? Of(ITurnContext turnContext) =>
        (turnContext ?? throw new ArgumentNullException(nameof(turnContext))).TurnState.Get<ChannelTraits>();
}
