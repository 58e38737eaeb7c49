using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

public sealed class VaderTokenizerTests
{
    [Theory]
    [InlineData("good!", "good")]
    [InlineData("good!!!", "good")]
    [InlineData(",good", "good")]
    [InlineData("\"good", "good")]
    [InlineData("good?!?", "good")]
    [InlineData("good!!!!", "good!!!!")]
    [InlineData("good?!", "good?!")]
    [InlineData("good..", "good..")]
    [InlineData("(good)", "(good)")]
    [InlineData("'good'", "'good'")]
    [InlineData("don't!", "don't!")] // the bare word would contain punctuation
    [InlineData("a!", "a!")] // the bare word would be one character
    [InlineData(":)", ":)")]
    [InlineData("good", "good")]
    public void StripAffix_Piece_MatchesPackageMapping(string piece, string expected)
    {
        Assert.Equal(expected, VaderTokenizer.StripAffix(piece).ToString());
    }

    [Theory]
    [InlineData('\u00a0', true)]
    [InlineData('\ufeff', true)]
    [InlineData('\u2003', true)]
    [InlineData('\u000b', true)]
    [InlineData('\u0085', false)] // .NET calls NEL white space; JavaScript's \s does not
    [InlineData('\u180e', false)]
    [InlineData('\u200b', false)]
    [InlineData('x', false)]
    public void IsWhiteSpace_Character_MatchesJavaScriptRegex(char c, bool expected)
    {
        Assert.Equal(expected, VaderText.IsWhiteSpace(c));
    }

    [Theory]
    [InlineData('\u212a', 'k')] // Kelvin sign: JavaScript lower-cases it to ASCII "k"
    [InlineData('\u0130', '\u0130')] // JavaScript gives "i̇" (never a lexicon key); .NET would give "i"
    [InlineData('\u00de', '\u00fe')]
    [InlineData('Q', 'q')]
    public void ToLowerForLookup_Character_MatchesJavaScriptOutcome(char c, char expected)
    {
        Assert.Equal(expected, VaderText.ToLowerForLookup(c));
    }
}
