using Microsoft.Extensions.Logging;
using SupportBot.Core.Handoff;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Hands an upset public mention to a person through the handoff service, inside the mention's turn: the
/// context's transcript then holds the public mention (with its address) and the public reply already
/// sent, i.e. the public thread. When the conversation is already handed over (the bot's own escalation
/// rules fired first) nothing more happens; without an agent hub there is nobody to hand to.
/// </summary>
public sealed partial class HandoffEscalation(HandoffService handoff, ILogger<HandoffEscalation> logger) : ISocialEscalation
{
    public async Task EscalateAsync(ITurnContext turnContext, SocialPost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(post);
        if (!handoff.IsAvailable)
        {
            return;
        }

        var reasons = SentimentTurn.Of(turnContext)?.Result.Reasons ?? [];
        var initiation = await handoff.InitiateAsync(
            turnContext,
            new HandoffRequest
            {
                Reason = new HandoffReason(HandoffReasonKinds.Sentiment, ["upset-public-mention", .. reasons]),
                Said = [post.Text],
                CustomerName = post.AuthorName,
            },
            cancellationToken).ConfigureAwait(false);
        if (initiation.AlreadyActive)
        {
            return;
        }

        LogEscalated(logger, turnContext.Activity.ChannelId!, initiation.Case.Id);
        await turnContext.SendActivityAsync(
            "I've passed this straight to a person from our team, with your post and everything you've said, so you won't have to repeat yourself. They'll reply to you here.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 8111, Level = LogLevel.Information, Message = "Upset public mention on '{ChannelId}' handed to a person as case {CaseId}")]
    private static partial void LogEscalated(ILogger logger, string channelId, string caseId);
}
