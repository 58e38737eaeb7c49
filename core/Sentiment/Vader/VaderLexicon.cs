using System.Collections.Frozen;
using System.Globalization;

namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The lookup table behind <see cref="VaderAnalyzer"/>: every lower-cased word VADER reacts to (lexicon
/// valences, boosters, negators and the words the rules name) in one frozen dictionary queried with a span,
/// plus the case-sensitive word ids the negation, "but" and idiom rules compare.
/// </summary>
internal sealed class VaderLexicon
{
    /// <summary>Logical name of the embedded lexicon (core csproj: Sentiment/Data/**).</summary>
    public const string ResourceName = "SupportBot.Core.Sentiment.Data.vader_lexicon.txt";

    private readonly FrozenDictionary<string, VaderWord> words;
    private readonly FrozenDictionary<string, VaderWord>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private VaderLexicon(IReadOnlyDictionary<string, double> valences)
    {
        Valences = valences;
        var exact = new VaderExactWords();
        var table = new Dictionary<string, VaderWord>(valences.Count + 128, StringComparer.Ordinal);
        foreach (var (token, valence) in valences)
        {
            // The package looks words up lower-cased, so a key with capitals (":D", "O_o") is unreachable.
            if (IsLookupForm(token))
            {
                table[token] = new VaderWord(valence, 0, VaderWordFlags.InLexicon, 0);
            }
        }

        foreach (var word in VaderConstants.Boosters)
        {
            Update(table, word, w => w with { Booster = VaderConstants.BoostIncrement, Flags = w.Flags | VaderWordFlags.Booster });
        }

        foreach (var word in VaderConstants.Dampeners)
        {
            Update(table, word, w => w with { Booster = VaderConstants.BoostDecrement, Flags = w.Flags | VaderWordFlags.Booster });
        }

        foreach (var word in VaderConstants.Negators)
        {
            Update(table, word, w => w with { Flags = w.Flags | VaderWordFlags.Negator });
        }

        Update(table, "kind", w => w with { Flags = w.Flags | VaderWordFlags.Kind });
        Update(table, "of", w => w with { Flags = w.Flags | VaderWordFlags.Of });
        Update(table, "least", w => w with { Flags = w.Flags | VaderWordFlags.Least });
        Update(table, "at", w => w with { Flags = w.Flags | VaderWordFlags.At });
        Update(table, "very", w => w with { Flags = w.Flags | VaderWordFlags.Very });
        foreach (var (word, id) in exact.Ids)
        {
            Update(table, word, w => w with { ExactId = id });
        }

        Exact = exact;
        words = table.ToFrozenDictionary(StringComparer.Ordinal);
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in words.Keys)
        {
            MaxWordLength = Math.Max(MaxWordLength, key.Length);
        }
    }

    /// <summary>The valences as loaded (token → mean), before lower-case filtering; for tests.</summary>
    public IReadOnlyDictionary<string, double> Valences { get; }

    /// <summary>The case-sensitive words and the idioms over them.</summary>
    public VaderExactWords Exact { get; }

    /// <summary>No token longer than this can match; lookups of longer tokens are skipped.</summary>
    public int MaxWordLength { get; }

    /// <summary>Looks up a lower-cased word; <c>default</c> (no flags) when VADER does not know it.</summary>
    public VaderWord Find(ReadOnlySpan<char> lowerCased) =>
        lookup.TryGetValue(lowerCased, out var word) ? word : default;

    /// <summary>Loads the lexicon embedded in this assembly.</summary>
    public static VaderLexicon LoadEmbedded()
    {
        using var stream = typeof(VaderLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded VADER lexicon '{ResourceName}' is missing from {typeof(VaderLexicon).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>
    /// Reads <c>token TAB mean [TAB …]</c> lines (vader_lexicon.txt). A token listed twice keeps its last
    /// value, as in the package, whose JavaScript object literal was generated from this file.
    /// </summary>
    public static VaderLexicon Parse(TextReader reader)
    {
        var valences = new Dictionary<string, double>(8192, StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var span = line.AsSpan();
            var tab = span.IndexOf('\t');
            if (tab <= 0)
            {
                throw new InvalidDataException($"VADER lexicon line {number}: expected 'token<TAB>mean'.");
            }

            var rest = span[(tab + 1)..];
            var end = rest.IndexOf('\t');
            var mean = end < 0 ? rest : rest[..end];
            if (!double.TryParse(mean, NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                throw new InvalidDataException($"VADER lexicon line {number}: '{mean}' is not a number.");
            }

            valences[line[..tab]] = valence;
        }

        return new VaderLexicon(valences);
    }

    private static bool IsLookupForm(string token)
    {
        foreach (var c in token)
        {
            if (VaderText.ToLowerForLookup(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    private static void Update(Dictionary<string, VaderWord> table, string word, Func<VaderWord, VaderWord> change) =>
        table[word] = change(table.GetValueOrDefault(word));
}
