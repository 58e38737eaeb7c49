namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// Turns the matches of one message into the upset judgement: context-dependent rules are kept only when
/// the message carries other negative evidence, shouting is measured, the provider's compound adds
/// strong-negative, enthusiasm damps shouting and profanity, the reasons combine as independent evidence
/// (1 − Π(1 − score)), and politeness takes a little off.
/// </summary>
internal static class SignalEvaluator
{
    public static void Tally(ReadOnlySpan<SignalToken> tokens, ReadOnlySpan<SignalHit> hits, SignalRuleSet rules, double compound, in TextStats stats, ref ReasonTally tally)
    {
        var scoring = rules.Scoring;
        var evidence = compound <= scoring.ContextCompound || tally.NegativeEmoji;
        var cues = 0;
        for (var h = 0; h < hits.Length && !evidence; h++)
        {
            if (hits[h].Rule >= 0)
            {
                var rule = rules.Rules[hits[h].Rule];
                evidence = !rule.NeedsContext && rule.Reason < SignalReason.Count && rule.Reason != SignalReason.AsksForHuman;
            }
        }

        for (var t = 0; t < tokens.Length; t++)
        {
            cues += (tokens[t].Flags & TokenFlags.Cue) != 0 ? 1 : 0;
        }

        for (var h = 0; h < hits.Length; h++)
        {
            var hit = hits[h];
            if (hit.Rule < 0)
            {
                continue;
            }

            var rule = rules.Rules[hit.Rule];
            if (!rule.NeedsContext || evidence || cues > CuesWithin(tokens, hit.Start, hit.End))
            {
                tally.Add(rule.Reason, rule.Weight, hit.Start, hit.End);
            }
        }

        if ((evidence || cues > 0) && tally.Calm == 0)
        {
            PraiseInterjections(tokens, scoring, ref tally);
        }

        var shouting = Shouting(tokens, scoring, stats);
        if (shouting > 0)
        {
            tally.Add(SignalReason.Shouting, shouting, 0, 0);
        }

        if (compound <= scoring.StrongNegativeFrom)
        {
            var weight = scoring.StrongNegativeBase + (scoring.StrongNegativeSlope * (scoring.StrongNegativeFrom - compound));
            tally.AddUnplaced(SignalReason.StrongNegative, Math.Min(scoring.StrongNegativeMax, weight));
        }

        if (compound >= scoring.PositiveDampingFrom && tally.Count[SignalReason.Sarcasm] == 0)
        {
            foreach (var reason in scoring.PositiveDampingReasons)
            {
                tally.Scale(reason, scoring.PositiveDampingFactor);
            }
        }
    }

    /// <summary>Combined intensity, 0…1, rounded to 3 decimals.</summary>
    public static double Intensity(in ReasonTally tally, SignalScoring scoring)
    {
        var calmness = 1.0;
        for (var r = 0; r < SignalReason.Count; r++)
        {
            calmness *= 1 - tally.Score(r, scoring);
        }

        var calm = tally.Count[SignalReason.Sarcasm] > 0 ? 0 : Math.Min(scoring.CalmMax, tally.Calm);
        return Math.Round(Math.Clamp(1 - calmness - calm, 0, 1), 3);
    }

    /// <summary>The reasons that fired, strongest first; <see cref="Array.Empty{T}"/> when none.</summary>
    public static string[] Reasons(in ReasonTally tally, SignalScoring scoring)
    {
        Span<int> order = stackalloc int[SignalReason.Count];
        Span<double> scores = stackalloc double[SignalReason.Count];
        var n = 0;
        for (var r = 0; r < SignalReason.Count; r++)
        {
            var score = tally.Score(r, scoring);
            if (score <= 0)
            {
                continue;
            }

            var at = n++;
            while (at > 0 && scores[at - 1] < score)
            {
                order[at] = order[at - 1];
                scores[at] = scores[at - 1];
                at--;
            }

            order[at] = r;
            scores[at] = score;
        }

        if (n == 0)
        {
            return [];
        }

        var reasons = new string[n];
        for (var i = 0; i < n; i++)
        {
            reasons[i] = SignalReason.Names[order[i]];
        }

        return reasons;
    }

    private static int CuesWithin(ReadOnlySpan<SignalToken> tokens, int start, int end)
    {
        var inside = 0;
        for (var t = start; t < end; t++)
        {
            inside += (tokens[t].Flags & TokenFlags.Cue) != 0 ? 1 : 0;
        }

        return inside;
    }

    /// <summary>"Brilliant. Charged twice." — a praise word alone in its clause of an otherwise negative message.</summary>
    private static void PraiseInterjections(ReadOnlySpan<SignalToken> tokens, SignalScoring scoring, ref ReasonTally tally)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            if ((tokens[t].Flags & TokenFlags.Praise) == 0)
            {
                continue;
            }

            var clause = tokens[t].Clause;
            var words = 1;
            for (var k = t - 1; k >= 0 && tokens[k].Clause == clause; k--)
            {
                words++;
            }

            for (var k = t + 1; k < tokens.Length && tokens[k].Clause == clause; k++)
            {
                words++;
            }

            if (words <= scoring.PraiseInterjectionMaxClauseWords)
            {
                tally.Add(SignalReason.Sarcasm, scoring.PraiseInterjectionWeight, t, t + 1);
            }
        }
    }

    /// <summary>Capitals (not acronyms, not codes with digits) and '!!!', '?!', '??' runs; both together shout louder.</summary>
    private static double Shouting(ReadOnlySpan<SignalToken> tokens, SignalScoring scoring, in TextStats stats)
    {
        var words = 0;
        var caps = 0;
        foreach (var token in tokens)
        {
            if ((token.Flags & TokenFlags.Number) != 0)
            {
                continue;
            }

            words++;
            const TokenFlags excluded = TokenFlags.Acronym | TokenFlags.HasDigit | TokenFlags.HasStar;
            if ((token.Flags & (TokenFlags.AllCaps | TokenFlags.HasVowel | excluded)) == (TokenFlags.AllCaps | TokenFlags.HasVowel)
                && token.Length >= scoring.ShoutMinWordLength)
            {
                caps++;
            }
        }

        var capsScore = caps >= 2 && caps * 2 >= words ? scoring.ShoutWholeMessage
            : caps >= 2 ? scoring.ShoutSeveralWords
            : caps == 1 && words >= 3 ? scoring.ShoutOneWord
            : 0;
        var punctuation = Math.Max(
            stats.MaxBang >= 3 ? scoring.TripleBang : stats.MaxBang == 2 ? scoring.DoubleBang : 0,
            Math.Max(
                stats.Interrobang ? scoring.Interrobang : 0,
                stats.MaxQuestion >= 3 ? scoring.TripleQuestion : stats.MaxQuestion == 2 ? scoring.DoubleQuestion : 0));
        return capsScore > 0 && punctuation > 0
            ? Math.Max(capsScore, punctuation) + scoring.ShoutCombinedBonus
            : Math.Max(capsScore, punctuation);
    }
}
