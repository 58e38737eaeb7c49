namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// Finds every rule match in a tokenized message, then applies guards (covered words are hidden from other
/// rules) and negation (a negator shortly before a match, in the same clause, cancels a negatable rule —
/// unless a breaker such as "but", "unless" or "make" stands between: "don't make me call my lawyer").
/// </summary>
internal static class SignalMatcher
{
    public static int FindHits(ReadOnlySpan<char> lower, ReadOnlySpan<SignalToken> tokens, SignalRuleSet rules, Span<SignalHit> hits)
    {
        var count = 0;
        for (var i = 0; i < tokens.Length && count < hits.Length; i++)
        {
            var token = tokens[i];
            if (token.WordId >= 0)
            {
                count = TryPatterns(rules.StartsByWord[token.WordId], tokens, i, rules, hits, count);
            }
            else if ((token.Flags & TokenFlags.HasStar) != 0 && count < hits.Length && IsObfuscatedSwear(lower.Slice(token.Start, token.Length), rules.ObfuscationRoots))
            {
                hits[count++] = new SignalHit { Rule = rules.ObfuscationRule, Start = i, End = i + 1 };
            }

            if ((token.Flags & TokenFlags.Number) != 0)
            {
                count = TryPatterns(rules.NumberStarts, tokens, i, rules, hits, count);
            }

            if ((token.Flags & TokenFlags.Negator) != 0)
            {
                count = TryPatterns(rules.NegatorStarts, tokens, i, rules, hits, count);
            }
        }

        return count;
    }

    /// <summary>Drops hits covered by a guard, negated hits of negatable rules, and "alone" hits that are not a whole sentence.</summary>
    public static void Filter(ReadOnlySpan<SignalToken> tokens, SignalRuleSet rules, Span<SignalHit> hits)
    {
        for (var g = 0; g < hits.Length; g++)
        {
            if (hits[g].Rule < 0 || rules.Rules[hits[g].Rule].Reason != SignalReason.Guard)
            {
                continue;
            }

            for (var h = 0; h < hits.Length; h++)
            {
                ref var hit = ref hits[h];
                if (hit.Rule >= 0 && rules.Rules[hit.Rule].Reason != SignalReason.Guard && hit.Start < hits[g].End && hits[g].Start < hit.End)
                {
                    hit.Rule = -1;
                }
            }
        }

        for (var h = 0; h < hits.Length; h++)
        {
            ref var hit = ref hits[h];
            if (hit.Rule < 0)
            {
                continue;
            }

            var rule = rules.Rules[hit.Rule];
            if ((rule.Negatable && IsNegated(tokens, hit.Start, rules.Scoring.NegationWindow)) || (rule.Alone && !IsSentence(tokens, hit.Start, hit.End)))
            {
                hit.Rule = -1;
            }
        }
    }

    private static bool IsSentence(ReadOnlySpan<SignalToken> tokens, int start, int end) =>
        (start == 0 || tokens[start - 1].Sentence != tokens[start].Sentence)
        && (end == tokens.Length || tokens[end].Sentence != tokens[end - 1].Sentence);

    public static bool IsNegated(ReadOnlySpan<SignalToken> tokens, int start, int window)
    {
        var clause = tokens[start].Clause;
        for (var j = start - 1; j >= 0 && j >= start - window; j--)
        {
            var flags = tokens[j].Flags;
            if (tokens[j].Clause != clause || (flags & TokenFlags.Breaker) != 0)
            {
                return false;
            }

            if ((flags & TokenFlags.Negator) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int TryPatterns(int[] patterns, ReadOnlySpan<SignalToken> tokens, int i, SignalRuleSet rules, Span<SignalHit> hits, int count)
    {
        var lastRule = -1;
        for (var p = 0; p < patterns.Length && count < hits.Length; p++)
        {
            var pattern = rules.Patterns[patterns[p]];
            if (pattern.Rule != lastRule && pattern.TryMatch(tokens, i + 1, out var end))
            {
                // Several patterns of one rule matching at one word are one piece of evidence.
                lastRule = pattern.Rule;
                hits[count++] = new SignalHit { Rule = pattern.Rule, Start = i, End = end };
            }
        }

        return count;
    }

    /// <summary>"f***", "sh*t", "f**king": same length as a swear word, equal wherever the token is not a star.</summary>
    private static bool IsObfuscatedSwear(ReadOnlySpan<char> word, string[] roots)
    {
        foreach (var root in roots)
        {
            if (root.Length != word.Length || root[0] != word[0])
            {
                continue;
            }

            var same = true;
            for (var k = 1; k < word.Length && same; k++)
            {
                same = word[k] == '*' || word[k] == root[k];
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }
}
