using SupportBot.Core.Turns;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The bot's side when a handoff ends: the HEAP conversation implements it (a rating question after
/// <see cref="HandoffStatus.Closed"/>, "I'm back" after <see cref="HandoffStatus.ReturnedToBot"/>, a callback
/// or ticket offer after <see cref="HandoffStatus.Failed"/>). Runs inside a proactive turn of the customer's
/// conversation, so whatever it sends goes through the outbox to the customer's channel.
/// </summary>
public interface IHandoffBot
{
    Task OnHandoffEndedAsync(ITurnContext turnContext, HandoffCase handoffCase, CancellationToken cancellationToken = default);
}
