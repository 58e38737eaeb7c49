using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>Issue 3 "Bad input": a result, never an exception (agreement with the package: <see cref="VaderAgreementTests"/>).</summary>
public sealed class VaderBadInputTests
{
    public static TheoryData<string> Names() => new(VaderBadInput.Texts.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void PolarityScores_BadInput_ReturnsScoresInRange(string name)
    {
        var text = VaderBadInput.Texts.Single(t => t.Name == name).Text;

        var scores = VaderAnalyzer.Default.PolarityScores(text);

        Assert.InRange(scores.Compound, -1, 1);
        Assert.InRange(scores.Positive, 0, 1);
        Assert.InRange(scores.Neutral, 0, 1);
        Assert.InRange(scores.Negative, 0, 1);
    }

    [Fact]
    public void PolarityScores_Null_ScoresAllZeros()
    {
        Assert.Equal(default, VaderAnalyzer.Default.PolarityScores((string?)null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\U0001F621\U0001F621\U0001F621")]
    [InlineData("这个服务很好，谢谢！")]
    [InlineData("\ud83d\ude00 \ud83d")]
    public void PolarityScores_NothingKnown_CompoundIsZero(string text)
    {
        Assert.Equal(0, VaderAnalyzer.Default.PolarityScores(text).Compound);
    }

    [Fact]
    public void PolarityScores_Span_EqualsStringOverload()
    {
        const string Text = "The agent was NOT helpful, but the refund came quickly :)";

        Assert.Equal(VaderAnalyzer.Default.PolarityScores(Text), VaderAnalyzer.Default.PolarityScores(Text.AsSpan()));
    }

    [Fact]
    public void PolarityScores_LongText_UsesPooledBuffersAndStaysConsistent()
    {
        // Past the stack budget the analyzer rents buffers; scoring twice must give the same answer.
        var text = string.Concat(Enumerable.Repeat("great service, terrible app! ", 2000));

        Assert.Equal(VaderAnalyzer.Default.PolarityScores(text), VaderAnalyzer.Default.PolarityScores(text));
    }

    [Fact]
    public void PolarityScores_ConcurrentCallers_GetTheSameScores()
    {
        const string Text = "Absolutely LOVE it, but delivery was slow!!";
        var expected = VaderAnalyzer.Default.PolarityScores(Text);

        var results = new VaderScores[64];
        Parallel.For(0, results.Length, i => results[i] = VaderAnalyzer.Default.PolarityScores(Text));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
