using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Hands an upset public mention to a person, with the public thread in the handoff context (issue 8,
/// point 3). Called inside the mention's turn, after the public reply and the bot's private answer.
/// </summary>
public interface ISocialEscalation
{
    Task EscalateAsync(ITurnContext turnContext, SocialPost post, CancellationToken cancellationToken = default);
}
