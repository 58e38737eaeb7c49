namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// One pass over the text: lower-cases it into <c>lower</c> (same offsets as the text), cuts words (letters,
/// digits, inner apostrophes, stars inside a word as in "f***"), looks each word up once in the vocabulary,
/// and on the way counts scripts, '!'/'?' runs and emoji. Punctuation ends clauses; . ! ? and new lines end
/// sentences. Control characters and lone surrogates are separators. No allocation.
/// </summary>
internal static class SignalTokenizer
{
    /// <summary>Longest word looked up; longer runs (hashes, base64) are never vocabulary.</summary>
    private const int MaxWordLength = 40;

    /// <summary>Upper bound on the tokens <paramref name="length"/> characters can hold.</summary>
    public static int MaxTokens(int length) => (length / 2) + 1;

    public static int Tokenize(ReadOnlySpan<char> text, Span<char> lower, Span<SignalToken> tokens, SignalRuleSet rules, ref TextStats stats, ref ReasonTally tally)
    {
        var count = 0;
        var clause = 0;
        var sentence = 0;
        var start = -1;
        var upper = false;
        var lowerCase = false;
        var vowel = false;
        var digit = false;
        var letter = false;
        var star = false;
        var pendingClause = false;
        var pendingSentence = false;
        var bangRun = 0;
        var questionRun = 0;

        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            char l;
            if (c is >= 'a' and <= 'z')
            {
                l = c;
                lowerCase = true;
                letter = true;
                stats.LatinLetters++;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                l = (char)(c | 0x20);
                upper = true;
                letter = true;
                stats.LatinLetters++;
            }
            else if (c is >= '0' and <= '9')
            {
                l = c;
                digit = true;
            }
            else if (c >= 0x80 && char.IsLetter(c))
            {
                l = char.ToLowerInvariant(c);
                upper |= char.IsUpper(c);
                lowerCase |= char.IsLower(c);
                letter = true;
                if (c < 0x250 || c is >= '\u1E00' and < '\u1F00')
                {
                    stats.LatinLetters++;
                }
                else
                {
                    stats.OtherLetters++;
                }
            }
            else if (start >= 0 && IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                l = '\'';
            }
            else if (start >= 0 && c == '*')
            {
                l = '*';
                star = true;
            }
            else if (c >= 0x80 && (char.IsDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                l = c;
            }
            else
            {
                // A separator: close the word in progress, then note what the separator says.
                if (start >= 0)
                {
                    if (count < tokens.Length)
                    {
                        tokens[count++] = MakeToken(lower, start, i - start, clause, sentence, rules, upper, lowerCase, vowel, digit, letter, star);
                    }

                    start = -1;
                    upper = lowerCase = vowel = digit = letter = star = false;
                }

                if (i == text.Length)
                {
                    break;
                }

                Separator(text, ref i, c, rules, ref stats, ref tally, ref bangRun, ref questionRun, ref pendingClause, ref pendingSentence);
                continue;
            }

            lower[i] = l;
            vowel |= l is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (start < 0)
            {
                start = i;
                bangRun = questionRun = 0;
                if (pendingSentence)
                {
                    sentence++;
                }

                if (pendingClause)
                {
                    clause++;
                }

                pendingClause = pendingSentence = false;
            }
        }

        return count;
    }

    private static void Separator(
        ReadOnlySpan<char> text, ref int i, char c, SignalRuleSet rules, ref TextStats stats, ref ReasonTally tally,
        ref int bangRun, ref int questionRun, ref bool pendingClause, ref bool pendingSentence)
    {
        switch (c)
        {
            case '!' or '?':
                if (c == '!')
                {
                    bangRun++;
                }
                else
                {
                    questionRun++;
                }

                stats.MaxBang = Math.Max(stats.MaxBang, bangRun);
                stats.MaxQuestion = Math.Max(stats.MaxQuestion, questionRun);
                stats.Interrobang |= bangRun > 0 && questionRun > 0;
                pendingClause = pendingSentence = true;
                return;
            case '.' when i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]):
            case '\n' or '\r':
                pendingClause = pendingSentence = true;
                break;
            case ',' or ';' or ':' or '(' or ')' or '[' or ']' or '\u2013' or '\u2014' or '"' or '\u201C' or '\u201D':
                pendingClause = true;
                break;
            case ' ' or '\t':
                return;
            default:
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                    Symbol(codePoint, rules, ref stats, ref tally);
                }
                else if (c >= 0x2000)
                {
                    Symbol(c, rules, ref stats, ref tally);
                }

                break;
        }

        bangRun = questionRun = 0;
    }

    private static void Symbol(int codePoint, SignalRuleSet rules, ref TextStats stats, ref ReasonTally tally)
    {
        if (rules.Emoji.TryGetValue(codePoint, out var rule))
        {
            var r = rules.Rules[rule];
            tally.AddUnplaced(r.Reason, r.Weight);
        }
        else if (codePoint is >= 0x20000 and < 0x32400)
        {
            // CJK extension planes: letters of a script the lexicons do not cover.
            stats.OtherLetters++;
        }
    }

    private static SignalToken MakeToken(
        Span<char> lower, int start, int length, int clause, int sentence, SignalRuleSet rules,
        bool upper, bool lowerCase, bool vowel, bool digit, bool letter, bool star)
    {
        var word = lower.Slice(start, length);
        var id = -1;
        var flags = TokenFlags.None;
        if (length <= MaxWordLength && rules.Vocabulary.TryGetValue(word, out id))
        {
            flags = rules.WordFlags[id];
        }
        else
        {
            id = -1;
        }

        if (length > 3 && word[^1] == 't' && word[^2] == '\'' && word[^3] == 'n')
        {
            flags |= TokenFlags.Negator;
        }

        if (upper && !lowerCase)
        {
            flags |= TokenFlags.AllCaps;
        }

        if (vowel && letter)
        {
            flags |= TokenFlags.HasVowel;
        }

        if (digit)
        {
            flags |= letter ? TokenFlags.HasDigit : TokenFlags.HasDigit | TokenFlags.Number;
        }

        if (star)
        {
            flags |= TokenFlags.HasStar;
        }

        return new SignalToken { Start = start, Length = length, Clause = clause, Sentence = sentence, WordId = id, Flags = flags };
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';
}
