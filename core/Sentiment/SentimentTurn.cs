using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Sentiment;

/// <summary>What the sentiment middleware found for this turn's customer message, for the bot to read.</summary>
/// <param name="Result">The analyzer's judgement of the message.</param>
/// <param name="Escalation">The escalation policy's decision after this message.</param>
/// <param name="Mood">The conversation's trajectory including this message.</param>
public sealed record SentimentTurn(SentimentResult Result, EscalationDecision Escalation, MoodTrajectory Mood)
{
    /// <summary>This turn's sentiment, or null when the turn had no scored customer message.</summary>
    public static SentimentTurn? Of(ITurnContext turnContext) => turnContext.TurnState.Get<SentimentTurn>();
}
