using static SupportBot.Core.Sentiment.Vader.VaderConstants;

namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The per-word rules of the package's <c>sentiment_valence</c> (PROTOCOLS.md §9), in its order and with
/// its arithmetic, so the doubles come out bit-identical: caps emphasis, up to three preceding
/// boosters/dampeners (×1, ×0.95, ×0.9), negation, "never so/this", idioms, "least", then "but".
/// </summary>
internal static class VaderRules
{
    /// <summary>The valence of token <paramref name="i"/>; 0 for words outside the lexicon.</summary>
    public static double Valence(ReadOnlySpan<VaderWord> tokens, int i, bool capsDiffer, VaderExactWords exact)
    {
        var item = tokens[i];
        if (!item.Has(VaderWordFlags.InLexicon))
        {
            return 0;
        }

        var valence = item.Valence;
        if (capsDiffer && item.Has(VaderWordFlags.Upper))
        {
            // The package adds on "> 0" and subtracts otherwise, zero included.
            valence = valence > 0 ? valence + CapsIncrement : valence - CapsIncrement;
        }

        for (var back = 0; back < 3; back++)
        {
            // Only words outside the lexicon modify: "not bad" negates, "not good bad" does not reach back.
            if (i <= back || tokens[i - back - 1].Has(VaderWordFlags.InLexicon))
            {
                continue;
            }

            var scalar = ScalarIncDec(tokens[i - back - 1], valence, capsDiffer);
            if (back == 1 && scalar != 0)
            {
                scalar *= 0.95;
            }
            else if (back == 2 && scalar != 0)
            {
                scalar *= 0.9;
            }

            valence += scalar;
            valence = NeverCheck(valence, tokens, back, i, exact);
            if (back == 2)
            {
                // The package runs the idiom rule only here: ≥ 3 words before, the third back not in the lexicon.
                valence = VaderIdioms.Apply(valence, tokens, i, exact);
            }
        }

        return LeastCheck(valence, tokens, i);
    }

    /// <summary>The package's "but" rule: the first exact "but" (else the first "BUT") halves every valence before it and multiplies those after by 1.5.</summary>
    public static void ButCheck(ReadOnlySpan<VaderWord> tokens, Span<double> sentiments, VaderExactWords exact)
    {
        var but = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].ExactId == exact.But)
            {
                but = i;
                break;
            }
        }

        if (but < 0)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Has(VaderWordFlags.ButUpper))
                {
                    but = i;
                    break;
                }
            }
        }

        if (but < 0)
        {
            return;
        }

        for (var i = 0; i < sentiments.Length; i++)
        {
            if (i < but)
            {
                sentiments[i] *= 0.5;
            }
            else if (i > but)
            {
                sentiments[i] *= 1.5;
            }
        }
    }

    private static double ScalarIncDec(VaderWord word, double valence, bool capsDiffer)
    {
        if (!word.Has(VaderWordFlags.Booster))
        {
            return 0;
        }

        var scalar = word.Booster;
        if (valence < 0)
        {
            scalar *= -1;
        }

        if (capsDiffer && word.Has(VaderWordFlags.Upper))
        {
            scalar = valence > 0 ? scalar + CapsIncrement : scalar - CapsIncrement;
        }

        return scalar;
    }

    /// <summary>
    /// Negation by the word <paramref name="back"/>+1 positions before (case-sensitive), with the package's
    /// "never so/this" exceptions — including its quirk that, three back, a "so"/"this" right before the
    /// word multiplies by 1.25 whether or not "never" is there.
    /// </summary>
    private static double NeverCheck(double valence, ReadOnlySpan<VaderWord> tokens, int back, int i, VaderExactWords exact)
    {
        switch (back)
        {
            case 0:
                if (tokens[i - 1].Has(VaderWordFlags.Negated))
                {
                    valence *= NegationScalar;
                }

                break;
            case 1:
                if (tokens[i - 2].ExactId == exact.Never && IsSoOrThis(tokens[i - 1], exact))
                {
                    valence *= 1.5;
                }
                else if (tokens[i - 2].Has(VaderWordFlags.Negated))
                {
                    valence *= NegationScalar;
                }

                break;
            default:
                if ((tokens[i - 3].ExactId == exact.Never && IsSoOrThis(tokens[i - 2], exact)) || IsSoOrThis(tokens[i - 1], exact))
                {
                    valence *= 1.25;
                }
                else if (tokens[i - 3].Has(VaderWordFlags.Negated))
                {
                    valence *= NegationScalar;
                }

                break;
        }

        return valence;
    }

    private static bool IsSoOrThis(VaderWord token, VaderExactWords exact) =>
        token.ExactId != 0 && (token.ExactId == exact.So || token.ExactId == exact.This);

    /// <summary>"least" before a word negates it, except in "at least" and "very least" (lower-cased).</summary>
    private static double LeastCheck(double valence, ReadOnlySpan<VaderWord> tokens, int i)
    {
        if (i > 1 && IsLeast(tokens[i - 1]))
        {
            if (!tokens[i - 2].Has(VaderWordFlags.At) && !tokens[i - 2].Has(VaderWordFlags.Very))
            {
                valence *= NegationScalar;
            }
        }
        else if (i > 0 && IsLeast(tokens[i - 1]))
        {
            valence *= NegationScalar;
        }

        return valence;
    }

    private static bool IsLeast(VaderWord token) =>
        token.Has(VaderWordFlags.Least) && !token.Has(VaderWordFlags.InLexicon);
}
