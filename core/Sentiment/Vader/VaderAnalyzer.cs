using System.Buffers;

namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// VADER sentiment (Hutto &amp; Gilbert 2014; PROTOCOLS.md §9) as the npm package <c>vader-sentiment</c>
/// 1.1.3 computes it — its quirks included: one-character tokens dropped, case-sensitive negators, compound
/// rounded to 4 decimals, no emoji. Thread-safe; allocation-free per call for ordinary messages.
/// </summary>
public sealed class VaderAnalyzer
{
    // Messages up to ~380 characters keep their tokens on the stack; longer ones rent from the pool.
    private const int StackTokens = 128;

    private readonly VaderLexicon lexicon;

    internal VaderAnalyzer(VaderLexicon lexicon)
    {
        this.lexicon = lexicon;
    }

    /// <summary>The analyzer over the lexicon embedded in SupportBot.Core, loaded once on first use.</summary>
    public static VaderAnalyzer Default => DefaultHolder.Instance;

    internal VaderLexicon Lexicon => lexicon;

    /// <summary>Scores a text. Never throws: null, empty or unknown text scores all zeros.</summary>
    public VaderScores PolarityScores(string? text) => PolarityScores(text.AsSpan());

    /// <summary>Scores a text. Never throws: empty or unknown text scores all zeros.</summary>
    public VaderScores PolarityScores(ReadOnlySpan<char> text)
    {
        if (text.Length < 2)
        {
            // No token can be ≥ 2 characters long: the package returns all zeros.
            return default;
        }

        var capacity = VaderTokenizer.MaxTokens(text.Length);
        VaderWord[]? rentedTokens = null;
        double[]? rentedSentiments = null;
        var tokens = capacity <= StackTokens
            ? stackalloc VaderWord[capacity]
            : (rentedTokens = ArrayPool<VaderWord>.Shared.Rent(capacity));
        var sentiments = capacity <= StackTokens
            ? stackalloc double[capacity]
            : (rentedSentiments = ArrayPool<double>.Shared.Rent(capacity));
        try
        {
            var count = VaderTokenizer.Tokenize(text, lexicon, tokens);
            return Score(tokens[..count], sentiments[..count], text);
        }
        finally
        {
            if (rentedTokens is not null)
            {
                ArrayPool<VaderWord>.Shared.Return(rentedTokens);
            }

            if (rentedSentiments is not null)
            {
                ArrayPool<double>.Shared.Return(rentedSentiments);
            }
        }
    }

    private VaderScores Score(ReadOnlySpan<VaderWord> tokens, Span<double> sentiments, ReadOnlySpan<char> text)
    {
        // Caps emphasis applies only when some, but not all, words are ALL CAPS.
        var capitals = 0;
        foreach (var token in tokens)
        {
            if (token.Has(VaderWordFlags.Upper))
            {
                capitals++;
            }
        }

        var capsDiffer = capitals > 0 && capitals < tokens.Length;
        var exact = lexicon.Exact;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];

            // Boosters score 0 themselves, and so does "kind" before "of" (even though "kind" is in the lexicon).
            var kindOf = token.Has(VaderWordFlags.Kind) && i < tokens.Length - 1 && tokens[i + 1].Has(VaderWordFlags.Of);
            sentiments[i] = kindOf || token.Has(VaderWordFlags.Booster)
                ? 0
                : VaderRules.Valence(tokens, i, capsDiffer, exact);
        }

        VaderRules.ButCheck(tokens, sentiments, exact);
        return VaderScoring.Score(sentiments, text);
    }

    private static class DefaultHolder
    {
        public static readonly VaderAnalyzer Instance = new(VaderLexicon.LoadEmbedded());
    }
}
