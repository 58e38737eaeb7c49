using System.Globalization;
using System.Text;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>
/// Faithfulness against the reference (issue 3 point 2, PROTOCOLS.md §9): every text scored by our port
/// and by vader-sentiment 1.1.3 in this test run; the compound must agree within 1e-4 and the
/// proportions (rounded to 3 decimals by both) within 1e-3. Every mismatch is reported with its text.
/// </summary>
public sealed class VaderAgreementTests
{
    private const double CompoundTolerance = 1e-4;
    private const double ProportionTolerance = 1e-3;

    private static readonly string[] RequiredCategories =
        ["negation", "boosters", "but", "caps", "punctuation", "emoticons", "idioms", "service", "edge"];

    [Fact]
    public void Corpus_EachCategory_HasAtLeastTwentySentences()
    {
        var corpus = VaderCorpus.Load();

        var counts = corpus.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(corpus.Count >= 320, $"corpus.txt has {corpus.Count} sentences; at least 320 are required.");
        foreach (var category in RequiredCategories)
        {
            var count = counts.GetValueOrDefault(category);
            Assert.True(count >= 20, $"corpus.txt category '{category}' has {count} sentences; at least 20 are required.");
        }
    }

    [Fact]
    public void PolarityScores_Corpus_MatchesReferencePackage()
    {
        var corpus = VaderCorpus.Load();

        var expected = VaderReference.Score(corpus.Select(e => e.Text).ToList());

        AssertAgreement(corpus.Select(e => $"corpus.txt:{e.LineNumber} [{e.Category}]").ToList(), corpus.Select(e => e.Text).ToList(), expected);
    }

    [Fact]
    public void PolarityScores_GeneratedTexts_MatchReferencePackage()
    {
        // Seeded word salad over the words the rules react to, in every case and with affixed punctuation:
        // it reaches rule combinations nobody writes by hand.
        var texts = GeneratedTexts(seed: 20180419, count: 3000);

        var expected = VaderReference.Score(texts);

        AssertAgreement(texts.Select((_, i) => $"generated #{i}").ToList(), texts, expected);
    }

    [Fact]
    public void PolarityScores_BadInput_MatchesReferencePackage()
    {
        var texts = VaderBadInput.Texts.Select(t => t.Text).ToList();

        var expected = VaderReference.Score(texts);

        AssertAgreement(VaderBadInput.Texts.Select(t => $"bad input '{t.Name}'").ToList(), texts, expected);
    }

    internal static List<string> GeneratedTexts(int seed, int count)
    {
        string[] vocabulary =
        [
            "not", "never", "no", "don't", "dont", "isn't", "cannot", "without", "nor", "n't", "least", "at", "very",
            "so", "this", "but", "kind", "of", "sort", "just", "enough", "kinda", "the", "shit", "bomb", "bad", "ass",
            "yeah", "right", "cut", "mustard", "kiss", "death", "hand", "to", "mouth", "good", "great", "terrible",
            "awful", "love", "hate", "happy", "sad", "angry", "okay", "ok", "lol", ":)", ":(", ":D", ":-)", "<3",
            "</3", "D:", "xD", "extremely", "really", "slightly", "barely", "hardly", "somewhat", "totally",
            "quite", "more", "most", "less", "little", "almost", "refund", "order", "agent", "service", "app", "I",
            "a", "is", "was", "and", "it", "my", "you", "!", "!!", "?", "??", "...", ",", "-", "'", "(good)",
            "'bad'", "can't", "stand", "fed", "up", "1337", "86", "\U0001F621", "\u00e9t\u00e9", "\u0130yi", "o\u212a",
        ];
        string[] affixes = ["!", "?", ".", ",", "!!", "!!!", "!!!!", "?!?", "!?!?", "?!", "..", ":)", "'"];
        string[] separators = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2003", "\ufeff", "\u0085", "\n"];
        var random = new Random(seed);
        var texts = new List<string>(count);
        var builder = new StringBuilder();
        for (var n = 0; n < count; n++)
        {
            builder.Clear();
            var words = random.Next(0, 16);
            for (var w = 0; w < words; w++)
            {
                if (w > 0)
                {
                    builder.Append(separators[random.Next(separators.Length)]);
                }

                var word = vocabulary[random.Next(vocabulary.Length)];
                var casing = random.NextDouble();
                word = casing < 0.12 ? word.ToUpperInvariant() : casing < 0.2 ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word) : word;
                var affix = random.NextDouble();
                word = affix < 0.08 ? word + affixes[random.Next(affixes.Length)] : affix < 0.12 ? affixes[random.Next(affixes.Length)] + word : word;
                builder.Append(word);
            }

            texts.Add(builder.ToString());
        }

        return texts;
    }

    private static void AssertAgreement(IReadOnlyList<string> labels, IReadOnlyList<string> texts, IReadOnlyList<VaderScores> expected)
    {
        var analyzer = VaderAnalyzer.Default;
        var mismatches = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var actual = analyzer.PolarityScores(texts[i]);
            var reference = expected[i];
            if (Math.Abs(actual.Compound - reference.Compound) > CompoundTolerance
                || Math.Abs(actual.Positive - reference.Positive) > ProportionTolerance
                || Math.Abs(actual.Neutral - reference.Neutral) > ProportionTolerance
                || Math.Abs(actual.Negative - reference.Negative) > ProportionTolerance)
            {
                mismatches.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{labels[i]}: C# {Format(actual)} vs reference {Format(reference)}: {Printable(texts[i])}"));
            }
        }

        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} of {texts.Count} texts disagree with vader-sentiment 1.1.3:\n{string.Join('\n', mismatches)}");
    }

    private static string Format(VaderScores s) =>
        string.Create(CultureInfo.InvariantCulture, $"(compound {s.Compound}, pos {s.Positive}, neu {s.Neutral}, neg {s.Negative})");

    private static string Printable(string text)
    {
        var shown = text.Length > 300 ? text[..300] + "…" : text;
        var builder = new StringBuilder(shown.Length + 2).Append('"');
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
