namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The constants and word lists of VADER as the npm package <c>vader-sentiment</c> 1.1.3 has them
/// (PROTOCOLS.md §9). Copied by value, not extended: the package's behaviour is the specification, so
/// later VADER additions (e.g. "no" as a negator, more idioms, emoji) are deliberately absent.
/// </summary>
internal static class VaderConstants
{
    /// <summary>Booster ("extremely") added to the valence of a following sentiment word.</summary>
    public const double BoostIncrement = 0.293;

    /// <summary>Dampener ("slightly") added to the valence of a following sentiment word.</summary>
    public const double BoostDecrement = -0.293;

    /// <summary>Added for an ALL-CAPS word when some but not all words are ALL CAPS.</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>Multiplier for a negated valence.</summary>
    public const double NegationScalar = -0.74;

    /// <summary>Per '!' in the whole text, at most <see cref="MaxExclamations"/> of them.</summary>
    public const double ExclamationIncrement = 0.292;

    public const int MaxExclamations = 4;

    /// <summary>Per '?' when the text has 2 or 3 of them.</summary>
    public const double QuestionIncrement = 0.18;

    /// <summary>For 4 or more '?' in the text.</summary>
    public const double QuestionMaximum = 0.96;

    /// <summary>Alpha of the normalisation s/√(s²+α).</summary>
    public const double NormalizationAlpha = 15;

    /// <summary>
    /// Punctuation the package strips from a word when it is exactly one of these, wholly before or wholly
    /// after the word ("good!!" → "good", but "good!!!!" and "(good)" stay as they are).
    /// </summary>
    public static readonly string[] PunctuationAffixes =
    [
        ".", "!", "?", ",", ";", ":", "-", "'", "\"",
        "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?",
    ];

    /// <summary>Negators, matched case-sensitively (so "NOT" does not negate). Note: no "no".</summary>
    public static readonly string[] Negators =
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ];

    /// <summary>Degree adverbs that raise the intensity of the next sentiment words (looked up lower-cased).</summary>
    public static readonly string[] Boosters =
    [
        "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "effing",
        "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping",
        "flippin", "fricking", "frickin", "frigging", "friggin", "fully", "fucking", "greatly", "hella",
        "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely",
        "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally", "tremendously",
        "uber", "unbelievably", "unusually", "utterly", "very",
    ];

    /// <summary>
    /// Degree adverbs that lower the intensity. The two-word ones can never match a single token; they
    /// only act through the bigram test of the idiom rule (<see cref="DampenerBigrams"/>).
    /// </summary>
    public static readonly string[] Dampeners =
    [
        "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
        "little", "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat", "sort of",
        "sorta", "sortof", "sort-of",
    ];

    /// <summary>The two-word dampeners, matched case-sensitively against two raw tokens.</summary>
    public static readonly string[] DampenerBigrams = ["just enough", "kind of", "sort of"];

    /// <summary>Phrases whose valence replaces the word's, matched case-sensitively against raw tokens.</summary>
    public static readonly (string Phrase, double Valence)[] Idioms =
    [
        ("the shit", 3),
        ("the bomb", 3),
        ("bad ass", 1.5),
        ("yeah right", -2),
        ("cut the mustard", 2),
        ("kiss of death", -1.5),
        ("hand to mouth", -2),
    ];
}
