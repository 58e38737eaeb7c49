namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// The customer-service layer: judges whether the customer is upset (angry at the company, not merely
/// describing a negative topic) from the text and the polarity any provider gave it — repeated contact,
/// waiting, threats to leave, legal threats, asking for a person, sarcasm, shouting, insults, profanity,
/// strong negativity and emoji. The rules live in <c>Sentiment/Data/signals.json</c>. Thread-safe; never
/// throws for bad text; a short message costs no allocation beyond the result.
/// </summary>
public sealed class UpsetJudge
{
    private static readonly Lazy<UpsetJudge> DefaultJudge = new(() => new UpsetJudge(SignalRuleSet.Default));

    private readonly SignalRuleSet _rules;

    internal UpsetJudge(SignalRuleSet rules) => _rules = rules;

    /// <summary>The judge with the rules shipped in the assembly.</summary>
    public static UpsetJudge Default => DefaultJudge.Value;

    /// <summary>The intensity from which a customer counts as upset.</summary>
    public double Threshold => _rules.Scoring.Threshold;

    /// <summary>A judge with other rules (same format as the shipped <c>signals.json</c>).</summary>
    /// <exception cref="InvalidDataException">The rules are malformed; the message names the pattern.</exception>
    public static UpsetJudge FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return new UpsetJudge(SignalRuleCompiler.Compile(utf8Json));
    }

    /// <summary>
    /// Judges one message. The polarity figures pass through unchanged (a sarcastic message the provider
    /// read as positive is relabelled negative); text in a script the rules do not cover gets the
    /// <see cref="UpsetReasons.LanguageUnsupported"/> reason and only the provider's compound counts.
    /// </summary>
    public SentimentResult Judge(string? text, Polarity polarity)
    {
        polarity = Sanitize(polarity);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result(polarity, polarity.Label, 0, []);
        }

        var scratch = SignalScratch.Take(text.Length);
        try
        {
            var stats = default(TextStats);
            var tally = default(ReasonTally);
            var tokens = scratch.Tokens.AsSpan(0, SignalTokenizer.Tokenize(text, scratch.Lower, scratch.Tokens, _rules, ref stats, ref tally));
            var scoring = _rules.Scoring;
            if (stats.OtherLetters > stats.LatinLetters)
            {
                return Unsupported(polarity, scoring);
            }

            var hits = scratch.Hits.AsSpan(0, SignalMatcher.FindHits(scratch.Lower, tokens, _rules, scratch.Hits));
            SignalMatcher.Filter(tokens, _rules, hits);
            SignalEvaluator.Tally(tokens, hits, _rules, polarity.Compound, stats, ref tally);

            var intensity = SignalEvaluator.Intensity(tally, scoring);
            var upset = intensity >= scoring.Threshold;
            var label = upset && tally.Count[SignalReason.Sarcasm] > 0 && polarity.Label == SentimentLabels.Positive
                ? SentimentLabels.Negative
                : polarity.Label;
            return new SentimentResult(polarity.Compound, polarity.Positive, polarity.Neutral, polarity.Negative, label, upset, intensity, SignalEvaluator.Reasons(tally, scoring));
        }
        finally
        {
            scratch.Return();
        }
    }

    /// <summary>Nothing the rules can read: only the provider's compound (e.g. Azure's, which covers the language) counts.</summary>
    private static SentimentResult Unsupported(Polarity polarity, SignalScoring scoring)
    {
        var weight = polarity.Compound <= scoring.StrongNegativeFrom
            ? Math.Min(scoring.StrongNegativeMax, scoring.StrongNegativeBase + (scoring.StrongNegativeSlope * (scoring.StrongNegativeFrom - polarity.Compound)))
            : 0;
        string[] reasons = weight > 0
            ? [UpsetReasons.LanguageUnsupported, UpsetReasons.StrongNegative]
            : [UpsetReasons.LanguageUnsupported];
        return Result(polarity, polarity.Label, Math.Round(weight, 3), reasons);
    }

    private static SentimentResult Result(Polarity polarity, string label, double intensity, string[] reasons) =>
        new(polarity.Compound, polarity.Positive, polarity.Neutral, polarity.Negative, label, false, intensity, reasons);

    /// <summary>A provider's figures outside their ranges (or NaN) must not poison the judgement.</summary>
    private static Polarity Sanitize(Polarity p) => new(
        Finite(p.Compound, -1, 1), Finite(p.Positive, 0, 1), Finite(p.Neutral, 0, 1), Finite(p.Negative, 0, 1),
        p.Label is SentimentLabels.Positive or SentimentLabels.Negative or SentimentLabels.Mixed ? p.Label : SentimentLabels.Neutral);

    private static double Finite(double value, double min, double max) => double.IsFinite(value) ? Math.Clamp(value, min, max) : 0;
}
