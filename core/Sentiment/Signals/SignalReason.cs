namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// The reasons as small integers for the hot path (array indexes); <see cref="Names"/> maps them back to
/// the <see cref="UpsetReasons"/> constants. <see cref="Calm"/> and <see cref="Guard"/> are rule kinds, not reasons.
/// </summary>
internal static class SignalReason
{
    public const int RepeatContact = 0;
    public const int Waiting = 1;
    public const int ThreatToLeave = 2;
    public const int LegalThreat = 3;
    public const int AsksForHuman = 4;
    public const int Sarcasm = 5;
    public const int Shouting = 6;
    public const int Insult = 7;
    public const int Profanity = 8;
    public const int StrongNegative = 9;

    /// <summary>How many real reasons there are (the ones below are rule kinds).</summary>
    public const int Count = 10;

    /// <summary>Lowers intensity (politeness, friendly emoji).</summary>
    public const int Calm = 10;

    /// <summary>Hides the words it covers from every other rule ("is this a scam email?").</summary>
    public const int Guard = 11;

    public const int KindCount = 12;

    public static readonly string[] Names =
    [
        UpsetReasons.RepeatContact, UpsetReasons.Waiting, UpsetReasons.ThreatToLeave, UpsetReasons.LegalThreat,
        UpsetReasons.AsksForHuman, UpsetReasons.Sarcasm, UpsetReasons.Shouting, UpsetReasons.Insult,
        UpsetReasons.Profanity, UpsetReasons.StrongNegative, "calm", "guard",
    ];

    public static int Parse(string? name)
    {
        var index = Array.IndexOf(Names, name);
        return index >= 0
            ? index
            : throw new InvalidDataException($"Unknown signal reason '{name}'; expected one of: {string.Join(", ", Names)}.");
    }
}
