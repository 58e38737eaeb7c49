using SupportBot.Core.Handoff;
using SupportBot.Core.Sentiment.Mood;

namespace SupportBot.Core.Tests.Handoff;

public sealed class HandoffSummaryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_SameInput_SameWordsWithFactsReasonMoodAndTried()
    {
        var facts = new Dictionary<string, string> { ["orderNumber"] = "4411", ["problem"] = "arrived broken", ["want"] = "a replacement" };
        var mood = new HandoffMood(-0.62, "worsening", []);
        var reason = new HandoffReason(HandoffReasonKinds.Sentiment, ["intensity", "consecutive-negative"]);

        var first = HandoffSummary.Build("Sam", "directline", reason, facts, ["article:returns"], mood, "lead");
        var second = HandoffSummary.Build("Sam", "directline", reason, facts, ["article:returns"], mood, "lead");

        Assert.Equal(first, second);
        Assert.Equal(
            "Sam (directline): order 4411 — arrived broken. Wants: a replacement. Escalated on mood (intensity, consecutive-negative). Mood: worsening, average -0.62. Tried: article:returns. Stage reached: lead.",
            first);
    }

    [Fact]
    public void Build_NothingKnown_StillSaysWhoAndWhy()
    {
        var summary = HandoffSummary.Build(null, "email", HandoffReason.Of(HandoffReasonKinds.ExplicitRequest), new Dictionary<string, string>(), [], new HandoffMood(0, "unknown", []), null);

        Assert.Equal("The customer (email) needs help. Asked for a person. Mood: unknown, average 0.00.", summary);
    }

    [Theory]
    [InlineData(new[] { 0.2, -0.1, -0.4 }, "worsening")]
    [InlineData(new[] { -0.6, -0.3, 0.0 }, "improving")]
    [InlineData(new[] { -0.1, -0.1, -0.05 }, "steady")]
    [InlineData(new[] { -0.5 }, "unknown")]
    public void Trend_LastMessages_Direction(double[] averages, string expected)
    {
        var points = averages.Select(a => new MoodPoint(At, a, a, false, 0, [])).ToList();

        Assert.Equal(expected, HandoffSummary.Trend(points));
    }
}
