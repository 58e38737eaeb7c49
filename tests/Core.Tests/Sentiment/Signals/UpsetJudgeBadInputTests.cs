using System.Text;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Signals;

namespace SupportBot.Core.Tests.Sentiment.Signals;

/// <summary>Bad input always gets a result: neutral where nothing is known, never an exception.</summary>
public sealed class UpsetJudgeBadInputTests
{
    private static readonly Polarity Neutral = new(0, 0, 1, 0, SentimentLabels.Neutral);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Judge_EmptyOrWhitespace_NeutralWithoutReasons(string? text)
    {
        var result = UpsetJudge.Default.Judge(text, Neutral);

        Assert.False(result.Upset);
        Assert.Equal(0, result.Intensity);
        Assert.Empty(result.Reasons);
        Assert.Equal(SentimentLabels.Neutral, result.Label);
    }

    [Fact]
    public void Analyze_HundredKilobytes_ReturnsBoundedResult()
    {
        var text = new StringBuilder().Insert(0, "My order is late again, third time asking. Please help! ", 1_800).ToString();

        var result = EmbeddedSentimentAnalyzer.Default.Analyze(text);

        Assert.True(text.Length > 100_000);
        Assert.InRange(result.Intensity, 0, 1);
        Assert.InRange(result.Compound, -1, 1);
    }

    [Fact]
    public void Analyze_ControlCharacters_ReturnsResult()
    {
        var result = EmbeddedSentimentAnalyzer.Default.Analyze("where\0 is\u0007 my\u001b[31m refund\u0008\u007f??");

        Assert.InRange(result.Intensity, 0, 1);
    }

    [Theory]
    [InlineData("broken \ud83d again")]
    [InlineData("\udc00\ud800 useless \ud800")]
    [InlineData("\ud83d")]
    public void Analyze_LoneSurrogates_ReturnsResult(string text)
    {
        var result = EmbeddedSentimentAnalyzer.Default.Analyze(text);

        Assert.InRange(result.Intensity, 0, 1);
    }

    [Fact]
    public void Analyze_FriendlyEmojiOnly_Calm()
    {
        var result = EmbeddedSentimentAnalyzer.Default.Analyze("👍🙂");

        Assert.False(result.Upset);
        Assert.Empty(result.Reasons);
    }

    [Theory]
    [InlineData("Где мой заказ? Уже третья неделя!")]
    [InlineData("我的订单在哪里？已经三个星期了")]
    [InlineData("أين طلبي؟ لقد مرت ثلاثة أسابيع")]
    [InlineData("注文はどこですか")]
    [InlineData("𠀀𠀁𠀂")]
    public void Analyze_UnsupportedScript_NeutralWithLanguageUnsupported(string text)
    {
        var result = EmbeddedSentimentAnalyzer.Default.Analyze(text);

        Assert.False(result.Upset);
        Assert.Equal([UpsetReasons.LanguageUnsupported], result.Reasons);
        Assert.Equal(SentimentLabels.Neutral, result.Label);
    }

    [Fact]
    public void Judge_UnsupportedScriptWithNegativeProviderScore_KeepsProviderFiguresAndNotesStrongNegative()
    {
        var azure = new Polarity(-0.9, 0.02, 0.06, 0.92, SentimentLabels.Negative);

        var result = UpsetJudge.Default.Judge("Это ужасно, верните деньги", azure);

        Assert.Equal(-0.9, result.Compound);
        Assert.Equal(SentimentLabels.Negative, result.Label);
        Assert.Contains(UpsetReasons.LanguageUnsupported, result.Reasons);
        Assert.Contains(UpsetReasons.StrongNegative, result.Reasons);
    }

    [Fact]
    public void Analyze_LatinWithSomeForeignWords_StillJudged()
    {
        var result = EmbeddedSentimentAnalyzer.Default.Analyze("Café crème order arrived cold again, third time — c'est nul, I want a manager");

        Assert.DoesNotContain(UpsetReasons.LanguageUnsupported, result.Reasons);
        Assert.True(result.Upset);
    }

    [Fact]
    public void Judge_ProviderFiguresOutOfRange_Sanitised()
    {
        var broken = new Polarity(double.NaN, 7, -3, double.PositiveInfinity, "weird");

        var result = UpsetJudge.Default.Judge("hello", broken);

        Assert.Equal(0, result.Compound);
        Assert.Equal(1, result.Positive);
        Assert.Equal(0, result.Neutral);
        Assert.Equal(0, result.Negative);
        Assert.Equal(SentimentLabels.Neutral, result.Label);
    }

    [Fact]
    public void Analyze_RandomCharacters_NeverThrows()
    {
        var random = new Random(1234);
        var buffer = new char[200];
        for (var round = 0; round < 2_000; round++)
        {
            var length = random.Next(buffer.Length);
            for (var i = 0; i < length; i++)
            {
                // Mostly ASCII, some symbols, surrogates and letters of other scripts.
                buffer[i] = (char)(random.Next(4) == 0 ? random.Next(0x10000) : random.Next(0x20, 0x7f));
            }

            var result = EmbeddedSentimentAnalyzer.Default.Analyze(new string(buffer, 0, length));

            Assert.InRange(result.Intensity, 0, 1);
        }
    }
}
