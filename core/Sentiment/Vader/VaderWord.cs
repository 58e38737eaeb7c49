namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// One entry of the lookup table (keyed by the lower-cased word) and, copied and refined, one token of a
/// message. Unmanaged, so a message's tokens fit in a stack buffer.
/// </summary>
/// <param name="Valence">Lexicon mean valence, 0 when not <see cref="VaderWordFlags.InLexicon"/>.</param>
/// <param name="Booster">±0.293 for boosters and dampeners, else 0.</param>
/// <param name="Flags">What the word is.</param>
/// <param name="ExactId">
/// Id of the word among those the package compares case-sensitively ("never", "so", "this", "but", idiom
/// words); on a token, 0 unless the raw spelling is exactly that word.
/// </param>
internal readonly record struct VaderWord(double Valence, double Booster, VaderWordFlags Flags, ushort ExactId)
{
    public bool Has(VaderWordFlags flag) => (Flags & flag) != 0;
}
