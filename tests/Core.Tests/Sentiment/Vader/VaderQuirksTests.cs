using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>
/// Behaviours of vader-sentiment 1.1.3 that a "fixed" VADER would not have and that our port keeps on
/// purpose (improvements belong to the customer-service layer). Expected values are the package's output.
/// </summary>
public sealed class VaderQuirksTests
{
    private static readonly VaderAnalyzer Analyzer = VaderAnalyzer.Default;

    [Theory]
    [InlineData("not good", -0.3412)]
    [InlineData("NOT good", 0.4404)] // negators are matched case-sensitively
    [InlineData("Not good", 0.4404)]
    [InlineData("I DON'T love it", 0.6369)] // "n't" is matched case-sensitively too
    [InlineData("I don\u02bct love it", 0.6369)] // a typographic apostrophe is not "n't"
    [InlineData("I don't love it", -0.5216)]
    [InlineData("no good", 0.1779)] // "no" is only a lexicon word (−1.2), not a negator, in this port
    public void PolarityScores_Negation_FollowsPackageCaseRules(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Theory]
    [InlineData("The food is good.", 0.4404)] // one affix from the list is stripped
    [InlineData("The food is good..", 0)] // ".." is not in the list: "good.." is unknown
    [InlineData("The food is good!!!!", 0)] // nor is "!!!!": unknown word, and '!' only amplifies a non-zero sum
    [InlineData("The food is good!?!?", 0.5919)]
    [InlineData("The food is good?!", 0)]
    [InlineData("The food is (good)", 0)] // punctuation on both sides is never stripped
    [InlineData("I am happy????", 0)]
    public void PolarityScores_AffixedPunctuation_StrippedOnlyForListedAffixes(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Fact]
    public void PolarityScores_OneCharacterTokens_AreDropped()
    {
        Assert.Equal(default, Analyzer.PolarityScores("o I o"));
        Assert.Equal(Analyzer.PolarityScores("good"), Analyzer.PolarityScores("a good"));
    }

    [Theory]
    [InlineData("I am HAPPY", 0.6633)] // one of two words in caps: emphasis
    [InlineData("I AM HAPPY", 0.5719)] // all words in caps: no emphasis ("I" was dropped before counting)
    [InlineData("I am happy", 0.5719)]
    public void PolarityScores_Caps_EmphasiseOnlyWhenSomeButNotAllWordsAreCaps(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Theory]
    [InlineData("I am happy but sad", -0.4215)]
    [InlineData("I am happy BUT sad", -0.4215)] // "BUT" counts when no exact "but" is present
    [InlineData("I am happy But sad", 0.1531)] // "But" does not
    [InlineData("I am happy but sad BUT glad", 0.296)] // only the first "but" pivots
    public void PolarityScores_But_UsesFirstExactButElseUpperCase(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Theory]
    [InlineData("The food is the bomb", 0.6124)]
    [InlineData("The food is The bomb", -0.4939)] // idioms are case-sensitive
    [InlineData("This is kind of good stuff", 0.3832)] // "kind of" two back dampens …
    [InlineData("kind of good", 0.4404)] // … but only with three words before the sentiment word
    [InlineData("It was never so good", 0.7279)]
    [InlineData("This is so good", 0.5777)] // "so"/"this" right before, three words in: ×1.25 without "never"
    public void PolarityScores_Idioms_ApplyOnlyWithThreePrecedingWords(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Theory]
    [InlineData("least good", -0.3412)]
    [InlineData("the least good", -0.3412)]
    [InlineData("at least good", 0.4404)]
    public void PolarityScores_Least_NegatesUnlessAtOrVeryLeast(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Theory]
    [InlineData(":D", 0.5106)] // looked up lower-cased as ":d"
    [InlineData("D:", 0.296)] // listed twice (−2.9, then 1.2): the later value wins
    [InlineData("lol", 0.4215)]
    [InlineData("ok", 0.296)]
    public void PolarityScores_Emoticons_UseLowerCasedLastListedValue(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Theory]
    [InlineData("I am happy?", 0.5719)]
    [InlineData("I am happy??", 0.6199)] // 2–3 question marks add 0.18 each
    public void PolarityScores_QuestionMarks_AmplifyFromTwo(string text, double compound)
    {
        Assert.Equal(compound, Analyzer.PolarityScores(text).Compound);
    }

    [Fact]
    public void PolarityScores_WordsWithoutSentiment_AreWhollyNeutral()
    {
        Assert.Equal(new VaderScores(0, 1, 0, 0), Analyzer.PolarityScores("Order 12345 arrived"));
    }

    [Fact]
    public void PolarityScores_NoWords_ScoresAllZerosIncludingNeutral()
    {
        // With no token at all the package answers neutral 0, not 1.
        Assert.Equal(default, Analyzer.PolarityScores("? ! a"));
    }

    [Fact]
    public void PolarityScores_Proportions_AreRoundedToThreeDecimals()
    {
        var scores = Analyzer.PolarityScores("I am happy BUT sad");

        Assert.Equal(new VaderScores(0.488, 0.235, 0.276, -0.4215), scores);
    }
}
