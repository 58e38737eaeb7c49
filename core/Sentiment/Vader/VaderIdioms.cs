using static SupportBot.Core.Sentiment.Vader.VaderConstants;

namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The package's <c>idioms_check</c>: phrases around the word replace its valence ("the bomb" → 3,
/// "yeah right" → −2), and "kind of"/"sort of"/"just enough" two or three words back dampen it. Matching
/// is on raw tokens, case-sensitive, and the package only reaches it for a lexicon word with at least three
/// words before it (see <see cref="VaderRules.Valence"/>).
/// </summary>
internal static class VaderIdioms
{
    public static double Apply(double valence, ReadOnlySpan<VaderWord> tokens, int i, VaderExactWords exact)
    {
        // The package tries these windows in this order and stops at the first idiom:
        // [i-1,i], [i-2,i], [i-2,i-1], [i-3,i-1], [i-3,i-2].
        if (TryIdiom(tokens.Slice(i - 1, 2), exact, out var idiom)
            || TryIdiom(tokens.Slice(i - 2, 3), exact, out idiom)
            || TryIdiom(tokens.Slice(i - 2, 2), exact, out idiom)
            || TryIdiom(tokens.Slice(i - 3, 3), exact, out idiom)
            || TryIdiom(tokens.Slice(i - 3, 2), exact, out idiom))
        {
            valence = idiom;
        }

        // Then the windows starting at the word, each overriding what came before.
        if (tokens.Length - 1 > i && TryIdiom(tokens.Slice(i, 2), exact, out idiom))
        {
            valence = idiom;
        }

        if (tokens.Length - 1 > i + 1 && TryIdiom(tokens.Slice(i, 3), exact, out idiom))
        {
            valence = idiom;
        }

        if (IsDampenerBigram(tokens.Slice(i - 3, 2), exact) || IsDampenerBigram(tokens.Slice(i - 2, 2), exact))
        {
            valence += BoostDecrement;
        }

        return valence;
    }

    private static bool TryIdiom(ReadOnlySpan<VaderWord> window, VaderExactWords exact, out double valence)
    {
        valence = 0;
        if (window[0].ExactId == 0)
        {
            return false;
        }

        foreach (var (words, value) in exact.Idioms)
        {
            if (Matches(window, words))
            {
                valence = value;
                return true;
            }
        }

        return false;
    }

    private static bool IsDampenerBigram(ReadOnlySpan<VaderWord> window, VaderExactWords exact)
    {
        if (window[0].ExactId == 0)
        {
            return false;
        }

        foreach (var words in exact.DampenerBigrams)
        {
            if (Matches(window, words))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(ReadOnlySpan<VaderWord> window, ushort[] words)
    {
        if (window.Length != words.Length)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (window[k].ExactId != words[k])
            {
                return false;
            }
        }

        return true;
    }
}
