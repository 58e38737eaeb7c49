using System.Runtime.CompilerServices;

namespace SupportBot.Core.Sentiment.Signals;

[InlineArray(SignalReason.KindCount)]
internal struct ReasonDoubles
{
    private double _element;
}

[InlineArray(SignalReason.KindCount)]
internal struct ReasonInts
{
    private int _element;
}

/// <summary>
/// Per-reason evidence of one message, on the stack: the strongest match, how many distinct matches, and
/// the calming total. Overlapping matches of one reason ("still no reply" and "no reply") count once.
/// </summary>
internal struct ReasonTally
{
    public ReasonDoubles Max;
    public ReasonInts Count;
    public ReasonInts LastEnd;
    public double Calm;
    public bool NegativeEmoji;

    public void Add(int reason, double weight, int start, int end)
    {
        if (reason == SignalReason.Calm)
        {
            Calm += weight;
            return;
        }

        if (reason >= SignalReason.Count)
        {
            return;
        }

        if (Count[reason] == 0 || start >= LastEnd[reason])
        {
            Count[reason]++;
        }

        if (weight > Max[reason])
        {
            Max[reason] = weight;
        }

        if (end > LastEnd[reason])
        {
            LastEnd[reason] = end;
        }
    }

    /// <summary>Evidence without a word position (emoji, the provider's compound): repeats count (😡😡😡 is angrier than 😡).</summary>
    public void AddUnplaced(int reason, double weight)
    {
        if (reason == SignalReason.Calm)
        {
            Calm += weight;
            return;
        }

        if (reason < SignalReason.Count)
        {
            NegativeEmoji = true;
            Count[reason]++;
            if (weight > Max[reason])
            {
                Max[reason] = weight;
            }
        }
    }

    /// <summary>The reason's contribution: its strongest match plus a bonus for further distinct matches.</summary>
    public readonly double Score(int reason, SignalScoring scoring)
    {
        var count = Count[reason];
        if (count == 0)
        {
            return 0;
        }

        var bonus = Math.Min(scoring.RepeatBonusMax, scoring.RepeatBonus * (count - 1));
        return Math.Min(scoring.ReasonMax, Max[reason] + bonus);
    }

    public void Scale(int reason, double factor) => Max[reason] *= factor;
}
