namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The words the package compares case-sensitively — "never", "so", "this", "but" in the negation and
/// "but" rules, and the words of the idioms and two-word dampeners — each given a small id so the rules
/// compare numbers, not strings. A token carries an id only when its raw spelling is exactly the word
/// ("The bomb" is not the idiom "the bomb").
/// </summary>
internal sealed class VaderExactWords
{
    private readonly Dictionary<string, ushort> ids = new(StringComparer.Ordinal);

    public VaderExactWords()
    {
        Never = Add("never");
        So = Add("so");
        This = Add("this");
        But = Add("but");
        Idioms = new (ushort[] Words, double Valence)[VaderConstants.Idioms.Length];
        for (var i = 0; i < Idioms.Length; i++)
        {
            var (phrase, valence) = VaderConstants.Idioms[i];
            Idioms[i] = (AddPhrase(phrase), valence);
        }

        DampenerBigrams = new ushort[VaderConstants.DampenerBigrams.Length][];
        for (var i = 0; i < DampenerBigrams.Length; i++)
        {
            DampenerBigrams[i] = AddPhrase(VaderConstants.DampenerBigrams[i]);
        }
    }

    public ushort Never { get; }

    public ushort So { get; }

    public ushort This { get; }

    public ushort But { get; }

    /// <summary>Every word with its id (ids start at 1; 0 means "none").</summary>
    public IReadOnlyDictionary<string, ushort> Ids => ids;

    public (ushort[] Words, double Valence)[] Idioms { get; }

    public ushort[][] DampenerBigrams { get; }

    private ushort Add(string word)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            id = checked((ushort)(ids.Count + 1));
            ids.Add(word, id);
        }

        return id;
    }

    private ushort[] AddPhrase(string phrase)
    {
        var parts = phrase.Split(' ');
        var result = new ushort[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = Add(parts[i]);
        }

        return result;
    }
}
