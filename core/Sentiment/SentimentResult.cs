namespace SupportBot.Core.Sentiment;

/// <summary>What the analyzer concluded about one customer message.</summary>
/// <param name="Compound">VADER-style compound score, −1…1.</param>
/// <param name="Positive">Positive proportion, 0…1.</param>
/// <param name="Neutral">Neutral proportion, 0…1.</param>
/// <param name="Negative">Negative proportion, 0…1.</param>
/// <param name="Label">One of <see cref="SentimentLabels"/>.</param>
/// <param name="Upset">Whether the customer is upset (not merely describing a negative topic).</param>
/// <param name="Intensity">How upset, 0 (calm) … 1 (furious).</param>
/// <param name="Reasons">The signals that fired, from <see cref="UpsetReasons"/>; empty when none.</param>
public sealed record SentimentResult(
    double Compound,
    double Positive,
    double Neutral,
    double Negative,
    string Label,
    bool Upset,
    double Intensity,
    IReadOnlyList<string> Reasons);

/// <summary>The reasons an upset judgement can give.</summary>
public static class UpsetReasons
{
    public const string RepeatContact = "repeat-contact";
    public const string Waiting = "waiting";
    public const string ThreatToLeave = "threat-to-leave";
    public const string LegalThreat = "legal-threat";
    public const string AsksForHuman = "asks-for-human";
    public const string Sarcasm = "sarcasm";
    public const string Shouting = "shouting";
    public const string Insult = "insult";
    public const string Profanity = "profanity";
    public const string StrongNegative = "strong-negative";
    public const string LanguageUnsupported = "language-unsupported";
}
