using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

public sealed class VaderLexiconTests
{
    [Fact]
    public void LoadEmbedded_EmbeddedFile_MatchesReferencePackageLexicon()
    {
        var reference = VaderReference.Lexicon();

        var ours = VaderLexicon.LoadEmbedded().Valences;

        var missing = reference.Keys.Where(k => !ours.ContainsKey(k)).ToList();
        var extra = ours.Keys.Where(k => !reference.ContainsKey(k)).ToList();
        var different = reference.Where(p => ours.TryGetValue(p.Key, out var v) && v != p.Value).Select(p => $"{p.Key}: ours {ours[p.Key]}, package {p.Value}").ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && different.Count == 0,
            $"Lexicon differs from vader-sentiment 1.1.3: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}], different [{string.Join("; ", different)}]");
    }

    [Fact]
    public void LoadEmbedded_DuplicatedTokens_KeepTheLastValue()
    {
        // vader_lexicon.txt lists 14 tokens twice; the package's object literal keeps the later line.
        var lexicon = VaderLexicon.LoadEmbedded();

        Assert.Equal(7503, lexicon.Valences.Count);
        Assert.Equal(1.8, lexicon.Valences["lol"]);
        Assert.Equal(1.2, lexicon.Valences["ok"]);
        Assert.Equal(1.2, lexicon.Valences["d:"]);
        Assert.Equal(1.5, lexicon.Valences[":-p"]);
    }

    [Fact]
    public void Find_CapitalisedKey_IsUnreachable()
    {
        // The package looks up the lower-cased token, so ":D" in the file can never be the match: ":d" is.
        var lexicon = VaderLexicon.LoadEmbedded();

        Assert.False(lexicon.Find(":D").Has(VaderWordFlags.InLexicon));
        Assert.Equal(2.3, lexicon.Find(":d").Valence);
    }

    [Fact]
    public void Parse_MalformedLine_ThrowsWithLineNumber()
    {
        var exception = Assert.Throws<InvalidDataException>(() => VaderLexicon.Parse(new StringReader("good\t1.9\nbad\tx\n")));

        Assert.Contains("line 2", exception.Message);
    }

    [Fact]
    public void Parse_RepeatedToken_LastValueWins()
    {
        var lexicon = VaderLexicon.Parse(new StringReader("meh\t-0.3\t0.5\t[0]\nmeh\t0.7\t0.5\t[0]\n"));

        Assert.Equal(0.7, lexicon.Find("meh").Valence);
    }
}
