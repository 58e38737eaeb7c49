namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// VADER's scores for one text, exactly as the npm package <c>vader-sentiment</c> 1.1.3 computes them
/// (PROTOCOLS.md §9): the proportions rounded to 3 decimals, the compound to 4.
/// </summary>
/// <param name="Negative">Share of the text that reads negative, 0…1.</param>
/// <param name="Neutral">Share that reads neutral, 0…1 (0 for a text with no words, as in the package).</param>
/// <param name="Positive">Share that reads positive, 0…1.</param>
/// <param name="Compound">Normalised sum of the valences, −1 (most negative) … 1 (most positive).</param>
public readonly record struct VaderScores(double Negative, double Neutral, double Positive, double Compound)
{
    /// <summary>The compound score from which a text counts as positive (PROTOCOLS.md §9).</summary>
    public const double PositiveThreshold = 0.05;

    /// <summary>The compound score up to which a text counts as negative (PROTOCOLS.md §9).</summary>
    public const double NegativeThreshold = -0.05;

    /// <summary>
    /// <see cref="SentimentLabels.Positive"/> when <see cref="Compound"/> ≥ 0.05,
    /// <see cref="SentimentLabels.Negative"/> when ≤ −0.05, otherwise <see cref="SentimentLabels.Neutral"/>.
    /// </summary>
    public string Label =>
        Compound >= PositiveThreshold ? SentimentLabels.Positive
        : Compound <= NegativeThreshold ? SentimentLabels.Negative
        : SentimentLabels.Neutral;

    /// <summary>These scores as the provider-neutral <see cref="Polarity"/> contract, labelled by <see cref="Label"/>.</summary>
    public Polarity ToPolarity() => new(Compound, Positive, Neutral, Negative, Label);
}
