namespace SupportBot.Core.Sentiment.Signals;

[Flags]
internal enum TokenFlags : ushort
{
    None = 0,
    Negator = 1 << 0,
    Breaker = 1 << 1,
    Cue = 1 << 2,
    Acronym = 1 << 3,
    Number = 1 << 4,
    Praise = 1 << 5,
    AllCaps = 1 << 6,
    HasVowel = 1 << 7,
    HasDigit = 1 << 8,
    HasStar = 1 << 9,
}

/// <summary>One word of a message: where it is in the lower-cased buffer, its vocabulary id and flags.</summary>
internal struct SignalToken
{
    public int Start;
    public int Length;
    public int Clause;
    public int Sentence;
    public int WordId;
    public TokenFlags Flags;
}
