using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>Maps Azure's document sentiment onto <see cref="Polarity"/> (issue 3, point 5; PROTOCOLS.md §8).</summary>
internal static class AzureLanguageMapper
{
    /// <summary>What an empty or whitespace text scores, without asking anyone.</summary>
    public static readonly Polarity Neutral = new(0, 0, 1, 0, SentimentLabels.Neutral);

    /// <summary>
    /// compound = positive − negative confidence; proportions = the three confidences; label = Azure's
    /// sentiment. Null when the document lacks scores, so the caller falls back for it.
    /// </summary>
    public static Polarity? ToPolarity(DocumentSentiment document)
    {
        if (document.ConfidenceScores is not { } scores)
        {
            return null;
        }

        var positive = Clamp01(scores.Positive);
        var neutral = Clamp01(scores.Neutral);
        var negative = Clamp01(scores.Negative);
        return new Polarity(positive - negative, positive, neutral, negative, LabelOf(document.Sentiment, positive, neutral, negative));
    }

    private static string LabelOf(string? sentiment, double positive, double neutral, double negative) =>
        sentiment?.ToLowerInvariant() switch
        {
            SentimentLabels.Positive => SentimentLabels.Positive,
            SentimentLabels.Neutral => SentimentLabels.Neutral,
            SentimentLabels.Negative => SentimentLabels.Negative,
            SentimentLabels.Mixed => SentimentLabels.Mixed,

            // An undocumented label: take the most confident class rather than pass it on.
            _ when positive >= neutral && positive >= negative => SentimentLabels.Positive,
            _ when negative >= neutral => SentimentLabels.Negative,
            _ => SentimentLabels.Neutral,
        };

    private static double Clamp01(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
