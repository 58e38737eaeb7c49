namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// One position of a compiled pattern: a word from <see cref="WordIds"/> or any word carrying one of
/// <see cref="AcceptFlags"/> (<c>&lt;num&gt;</c>, <c>&lt;neg&gt;</c>); or, when <see cref="MaxGap"/> &gt; 0,
/// a gap skipping 0…MaxGap words within the sentence.
/// </summary>
internal readonly record struct PatternElement(int[] WordIds, TokenFlags AcceptFlags, bool Optional, int MaxGap)
{
    public bool IsGap => MaxGap > 0;

    public bool Accepts(in SignalToken token)
    {
        if ((token.Flags & AcceptFlags) != 0)
        {
            return true;
        }

        var id = token.WordId;
        if (id < 0)
        {
            return false;
        }

        var ids = WordIds;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == id)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A compiled pattern: the rule it belongs to and the elements after the first (the first one is the index
/// key it was found by). Matching is a tiny backtracking walk over the message's tokens; no allocation.
/// </summary>
internal sealed class SignalPattern(int rule, PatternElement[] rest)
{
    public int Rule { get; } = rule;

    public PatternElement[] Rest { get; } = rest;

    /// <summary>Matches <see cref="Rest"/> from token <paramref name="next"/>; <paramref name="end"/> is one past the last matched token.</summary>
    public bool TryMatch(ReadOnlySpan<SignalToken> tokens, int next, out int end) => Match(Rest, tokens, next, out end);

    private static bool Match(ReadOnlySpan<PatternElement> elements, ReadOnlySpan<SignalToken> tokens, int position, out int end)
    {
        if (elements.IsEmpty)
        {
            end = position;
            return true;
        }

        var element = elements[0];
        if (element.IsGap)
        {
            // A gap never skips across a sentence end: "I can wait. Two days…" is not one phrase.
            var sentence = tokens[position - 1].Sentence;
            for (var skip = 0; skip <= element.MaxGap && position + skip < tokens.Length; skip++)
            {
                if (tokens[position + skip].Sentence != sentence)
                {
                    break;
                }

                if (Match(elements[1..], tokens, position + skip, out end))
                {
                    return true;
                }
            }

            end = 0;
            return false;
        }

        if (position < tokens.Length && element.Accepts(tokens[position]) && Match(elements[1..], tokens, position + 1, out end))
        {
            return true;
        }

        if (element.Optional)
        {
            return Match(elements[1..], tokens, position, out end);
        }

        end = 0;
        return false;
    }
}
