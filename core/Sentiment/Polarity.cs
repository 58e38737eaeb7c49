namespace SupportBot.Core.Sentiment;

/// <summary>
/// How positive or negative one message reads, as a polarity provider (VADER or Azure AI Language) scores it.
/// </summary>
/// <param name="Compound">−1 (most negative) … 1 (most positive).</param>
/// <param name="Positive">Share of the text that reads positive, 0…1.</param>
/// <param name="Neutral">Share that reads neutral, 0…1.</param>
/// <param name="Negative">Share that reads negative, 0…1.</param>
/// <param name="Label">One of <see cref="SentimentLabels"/>.</param>
public readonly record struct Polarity(double Compound, double Positive, double Neutral, double Negative, string Label);

/// <summary>Values of <see cref="Polarity.Label"/> and <see cref="SentimentResult.Label"/>.</summary>
public static class SentimentLabels
{
    public const string Positive = "positive";
    public const string Neutral = "neutral";
    public const string Negative = "negative";
    public const string Mixed = "mixed";
}
