using static SupportBot.Core.Sentiment.Vader.VaderConstants;

namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The package's <c>score_valence</c>: sum, punctuation emphasis from the whole text, normalisation and
/// proportions, in its order of operations, rounded as it rounds.
/// </summary>
internal static class VaderScoring
{
    public static VaderScores Score(ReadOnlySpan<double> sentiments, ReadOnlySpan<char> text)
    {
        if (sentiments.IsEmpty)
        {
            // No words: the package answers all zeros, neutral included.
            return default;
        }

        var sum = 0.0;
        foreach (var sentiment in sentiments)
        {
            sum += sentiment;
        }

        var emphasis = PunctuationEmphasis(text);
        if (sum > 0)
        {
            sum += emphasis;
        }
        else if (sum < 0)
        {
            sum -= emphasis;
        }

        var compound = Normalize(sum);

        double positive = 0, negative = 0;
        var neutral = 0;
        foreach (var sentiment in sentiments)
        {
            // ±1 compensates for neutral words counting 1 each (the package's comment).
            if (sentiment > 0)
            {
                positive += sentiment + 1;
            }
            else if (sentiment < 0)
            {
                negative += sentiment - 1;
            }
            else
            {
                neutral++;
            }
        }

        if (positive > Math.Abs(negative))
        {
            positive += emphasis;
        }
        else if (positive < Math.Abs(negative))
        {
            negative -= emphasis;
        }

        var total = positive + Math.Abs(negative) + neutral;
        return new VaderScores(
            Negative: JsNumber.ToFixed(Math.Abs(negative / total), 3),
            Neutral: JsNumber.ToFixed(Math.Abs(neutral / total), 3),
            Positive: JsNumber.ToFixed(Math.Abs(positive / total), 3),
            Compound: JsNumber.ToFixed(compound, 4));
    }

    /// <summary>s / √(s² + 15), clamped to [−1, 1].</summary>
    public static double Normalize(double score)
    {
        var normalized = score / Math.Sqrt((score * score) + NormalizationAlpha);
        return normalized < -1.0 ? -1.0 : normalized > 1.0 ? 1.0 : normalized;
    }

    /// <summary>
    /// Every '!' (up to 4) and '?' (2–3 each, 4+ flat) anywhere in the text counts, also inside words and
    /// in pieces the tokenizer dropped — as in the package, which counts over the raw text.
    /// </summary>
    public static double PunctuationEmphasis(ReadOnlySpan<char> text)
    {
        var exclamations = Math.Min(text.Count('!'), MaxExclamations);
        var questions = text.Count('?');
        var questionEmphasis = questions > 1 ? (questions <= 3 ? questions * QuestionIncrement : QuestionMaximum) : 0;
        return (exclamations * ExclamationIncrement) + questionEmphasis;
    }
}
