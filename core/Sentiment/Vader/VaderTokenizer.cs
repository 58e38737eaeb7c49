namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// Turns a message into the package's "words and emoticons" and classifies each with one table lookup,
/// without allocating: the package splits on every JavaScript whitespace character, drops pieces shorter
/// than two UTF-16 units, and strips punctuation from a piece only in one narrow case (see
/// <see cref="StripAffix"/>). Tokens keep their case; only lookups are lower-cased.
/// </summary>
internal static class VaderTokenizer
{
    /// <summary>An upper bound on the tokens of a text: each is ≥ 2 units plus a separator.</summary>
    public static int MaxTokens(int textLength) => (textLength / 3) + 1;

    /// <summary>Writes the tokens of <paramref name="text"/> to <paramref name="tokens"/> (capacity ≥ <see cref="MaxTokens"/>); returns their count.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, VaderLexicon lexicon, Span<VaderWord> tokens)
    {
        Span<char> lower = stackalloc char[lexicon.MaxWordLength];
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (VaderText.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !VaderText.IsWhiteSpace(text[i]))
            {
                i++;
            }

            // The package filters pieces with length > 1 (UTF-16 units): "I", "a", ":" and a lone "!" vanish.
            if (i - start > 1)
            {
                tokens[count++] = Classify(StripAffix(text[start..i]), lexicon, lower);
            }
        }

        return count;
    }

    /// <summary>
    /// The package maps a piece to a bare word only when the piece is a word (no ASCII punctuation, at
    /// least two units) with exactly one entry of <see cref="VaderConstants.PunctuationAffixes"/> wholly
    /// before it or wholly after it: "good!!!" → "good", ",cat" → "cat"; but "good!!!!", "(good)",
    /// "'good'", "good?!" and "don't!" stay as they are (and so miss the lexicon).
    /// </summary>
    /// <remarks>
    /// The package builds a dictionary {punctuation+word, word+punctuation → word} from all stripped words
    /// of the text; since the stripped form of a piece is always among them, membership reduces to this
    /// per-piece test.
    /// </remarks>
    public static ReadOnlySpan<char> StripAffix(ReadOnlySpan<char> piece)
    {
        var lead = 0;
        while (lead < piece.Length && VaderText.IsAsciiPunctuation(piece[lead]))
        {
            lead++;
        }

        if (lead == piece.Length)
        {
            return piece;
        }

        var trail = 0;
        while (VaderText.IsAsciiPunctuation(piece[piece.Length - 1 - trail]))
        {
            trail++;
        }

        if ((lead == 0) == (trail == 0))
        {
            return piece;
        }

        var word = piece[lead..^trail];
        if (word.Length < 2 || word.ContainsAny(VaderText.AsciiPunctuation))
        {
            return piece;
        }

        var affix = lead > 0 ? piece[..lead] : piece[^trail..];
        return IsAffix(affix) ? word : piece;
    }

    private static bool IsAffix(ReadOnlySpan<char> affix)
    {
        foreach (var candidate in VaderConstants.PunctuationAffixes)
        {
            if (affix.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One pass over the token: lower-cases it for the lookup and notes what the case-sensitive rules need
    /// (ALL CAPS per Python's isupper as the package emulates it, exact spelling, "n't").
    /// </summary>
    private static VaderWord Classify(ReadOnlySpan<char> token, VaderLexicon lexicon, Span<char> lower)
    {
        var canMatch = token.Length <= lower.Length;
        bool hasSmall = false, hasCapital = false, changed = false, apostrophe = false;
        for (var j = 0; j < token.Length; j++)
        {
            var c = token[j];
            if (c is >= 'a' and <= 'z')
            {
                hasSmall = true;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                hasCapital = true;
            }
            else if (c == '\'')
            {
                apostrophe = true;
            }

            if (canMatch)
            {
                var l = VaderText.ToLowerForLookup(c);
                changed |= l != c;
                lower[j] = l;
            }
        }

        var word = canMatch ? lexicon.Find(lower[..token.Length]) : default;
        var flags = word.Flags;
        var exactId = changed ? (ushort)0 : word.ExactId;
        if ((!changed && word.Has(VaderWordFlags.Negator)) || (apostrophe && token.Contains("n't", StringComparison.Ordinal)))
        {
            flags |= VaderWordFlags.Negated;
        }

        if (hasCapital && !hasSmall)
        {
            flags |= VaderWordFlags.Upper;
        }

        if (word.ExactId == lexicon.Exact.But && token.SequenceEqual("BUT"))
        {
            flags |= VaderWordFlags.ButUpper;
        }

        return word with { Flags = flags, ExactId = exactId };
    }
}
