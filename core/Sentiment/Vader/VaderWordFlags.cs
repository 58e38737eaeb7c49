namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// What VADER knows about a word (from its lower-cased form) and, on a token, what the token's raw
/// spelling adds. One lookup per token answers every lower-cased question the rules ask.
/// </summary>
[Flags]
internal enum VaderWordFlags : ushort
{
    None = 0,

    /// <summary>The lower-cased word has a valence in the lexicon.</summary>
    InLexicon = 1 << 0,

    /// <summary>The lower-cased word is a booster or a one-word dampener.</summary>
    Booster = 1 << 1,

    /// <summary>The lower-cased word is in the negator list (the token negates only if spelled in lower case).</summary>
    Negator = 1 << 2,

    /// <summary>Lower-cased "kind": with a following "of" it scores 0 (the "kind of" rule).</summary>
    Kind = 1 << 3,

    /// <summary>Lower-cased "of".</summary>
    Of = 1 << 4,

    /// <summary>Lower-cased "least": negates the next word unless after "at" or "very".</summary>
    Least = 1 << 5,

    /// <summary>Lower-cased "at".</summary>
    At = 1 << 6,

    /// <summary>Lower-cased "very".</summary>
    Very = 1 << 7,

    /// <summary>Token only: ALL CAPS in the package's sense (an ASCII capital and no ASCII small letter).</summary>
    Upper = 1 << 8,

    /// <summary>Token only: negates (a negator in lower case, or any spelling containing "n't").</summary>
    Negated = 1 << 9,

    /// <summary>Token only: exactly "BUT", the package's second choice for the contrastive conjunction.</summary>
    ButUpper = 1 << 10,
}
