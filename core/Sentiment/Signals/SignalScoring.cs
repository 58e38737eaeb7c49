namespace SupportBot.Core.Sentiment.Signals;

/// <summary>How matches turn into an intensity: the numbers of the <c>scoring</c> section of the signals file.</summary>
internal sealed class SignalScoring
{
    /// <summary>Intensity from which a customer counts as upset.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Each further match of a reason adds this much to its strongest match…</summary>
    public double RepeatBonus { get; init; } = 0.1;

    /// <summary>…up to this much in all.</summary>
    public double RepeatBonusMax { get; init; } = 0.2;

    /// <summary>The most one reason can contribute.</summary>
    public double ReasonMax { get; init; } = 0.95;

    /// <summary>The most politeness can take off.</summary>
    public double CalmMax { get; init; } = 0.3;

    /// <summary>How many words before a match a negator cancels it.</summary>
    public int NegationWindow { get; init; } = 3;

    /// <summary>A compound at or below this is negative evidence for the context-dependent rules.</summary>
    public double ContextCompound { get; init; } = -0.3;

    /// <summary>strong-negative from the provider's compound: from this compound…</summary>
    public double StrongNegativeFrom { get; init; } = -0.5;

    /// <summary>…starting at this weight…</summary>
    public double StrongNegativeBase { get; init; } = 0.1;

    /// <summary>…rising this much per unit of compound…</summary>
    public double StrongNegativeSlope { get; init; } = 0.9;

    /// <summary>…up to this weight (a negative topic alone must not make a customer upset).</summary>
    public double StrongNegativeMax { get; init; } = 0.45;

    /// <summary>A compound at or above this marks enthusiasm: <see cref="PositiveDampingReasons"/> are then damped…</summary>
    public double PositiveDampingFrom { get; init; } = 0.5;

    /// <summary>…by this factor ("THANK YOU SO MUCH!!!", "waited months for this, so excited")…</summary>
    public double PositiveDampingFactor { get; init; } = 0.3;

    /// <summary>…unless the message is sarcastic.</summary>
    public int[] PositiveDampingReasons { get; init; } = [SignalReason.Shouting, SignalReason.Profanity];

    /// <summary>A praise word standing alone in a clause of a negative message ("Brilliant. Lost again.").</summary>
    public double PraiseInterjectionWeight { get; init; } = 0.4;

    public int PraiseInterjectionMaxClauseWords { get; init; } = 2;

    public int ShoutMinWordLength { get; init; } = 3;

    public double ShoutOneWord { get; init; } = 0.25;

    public double ShoutSeveralWords { get; init; } = 0.4;

    public double ShoutWholeMessage { get; init; } = 0.55;

    public double DoubleBang { get; init; } = 0.15;

    public double TripleBang { get; init; } = 0.35;

    public double Interrobang { get; init; } = 0.35;

    public double DoubleQuestion { get; init; } = 0.25;

    public double TripleQuestion { get; init; } = 0.35;

    /// <summary>Added when both capitals and punctuation shout.</summary>
    public double ShoutCombinedBonus { get; init; } = 0.1;

    /// <summary>Weight of a starred-out swear word ("f***", "sh*t").</summary>
    public double ObfuscatedProfanity { get; init; } = 0.45;
}
