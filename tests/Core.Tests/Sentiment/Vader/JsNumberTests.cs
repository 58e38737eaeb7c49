using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>parseFloat(x.toFixed(d)) as Node.js computes it (values taken from Node 20).</summary>
public sealed class JsNumberTests
{
    [Theory]
    [InlineData(0.03125, 4, 0.0313)] // exact tie: the larger magnitude
    [InlineData(-0.03125, 4, -0.0313)]
    [InlineData(0.0625, 3, 0.063)]
    [InlineData(1.00005, 4, 1.0001)] // the double is just above the tie
    [InlineData(1.0005, 3, 1.0)] // … and this one just below: Math.Round would say 1.001
    [InlineData(0.0015, 3, 0.002)]
    [InlineData(0.12345, 4, 0.1235)]
    [InlineData(0.99995, 4, 1.0)]
    [InlineData(0.4404, 4, 0.4404)]
    [InlineData(5e-324, 4, 0.0)]
    [InlineData(0.0, 4, 0.0)]
    [InlineData(1.0, 3, 1.0)]
    public void ToFixed_Value_MatchesJavaScript(double value, int digits, double expected)
    {
        Assert.Equal(expected, JsNumber.ToFixed(value, digits));
    }

    [Fact]
    public void ToFixed_TinyNegative_IsNegativeZero()
    {
        // (-0.00004).toFixed(4) is "-0.0000", which parseFloat reads as −0.
        var result = JsNumber.ToFixed(-0.00004, 4);

        Assert.Equal(0.0, result);
        Assert.True(double.IsNegative(result));
    }
}
