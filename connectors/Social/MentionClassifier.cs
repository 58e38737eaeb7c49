using System.Text.RegularExpressions;
using SupportBot.Core.Sentiment;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Sorts a public mention by the sentiment middleware's judgement: upset, praise (clearly positive with no
/// problem or question in it), or a request. "Love the kettle but the lid broke" is a request, not praise.
/// </summary>
public static partial class MentionClassifier
{
    /// <summary>The compound score a mention needs to count as praise.</summary>
    public const double PraiseThreshold = 0.3;

    public static MentionKind Classify(string text, SentimentResult? sentiment)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (sentiment is { Upset: true })
        {
            return MentionKind.Upset;
        }

        return sentiment is { Compound: >= PraiseThreshold } && !text.Contains('?', StringComparison.Ordinal) && !ProblemWords().IsMatch(text)
            ? MentionKind.Praise
            : MentionKind.Request;
    }

    [GeneratedRegex(@"\b(but|however|though|not|never|no|don't|didn't|doesn't|isn't|wasn't|can't|cannot|won't|broken|broke|damaged|cracked|faulty|missing|late|lost|wrong|problem|issue|help|where|when|how|why)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemWords();
}
