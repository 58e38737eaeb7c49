namespace SupportBot.Core.Sentiment.Signals;

/// <summary>What the tokenizer counted besides words: scripts and shouting punctuation.</summary>
internal struct TextStats
{
    /// <summary>Letters of the Latin script (which the lexicons cover).</summary>
    public int LatinLetters;

    /// <summary>Letters of other scripts (Cyrillic, CJK, Arabic…).</summary>
    public int OtherLetters;

    /// <summary>Longest run of '!'.</summary>
    public int MaxBang;

    /// <summary>Longest run of '?'.</summary>
    public int MaxQuestion;

    /// <summary>A run mixing '?' and '!' ("?!", "!?").</summary>
    public bool Interrobang;
}
