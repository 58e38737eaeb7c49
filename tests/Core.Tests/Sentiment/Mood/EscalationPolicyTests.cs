using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;

namespace SupportBot.Core.Tests.Sentiment.Mood;

public sealed class EscalationPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    internal static SentimentResult Calm(double compound = 0.2) =>
        new(compound, 0.2, 0.8, 0, compound >= 0.05 ? SentimentLabels.Positive : SentimentLabels.Neutral, false, 0, []);

    internal static SentimentResult Negative(double compound = -0.4) =>
        new(compound, 0, 0.7, 0.3, SentimentLabels.Negative, false, 0.1, []);

    internal static SentimentResult Upset(double intensity, params string[] reasons) =>
        new(-0.5, 0, 0.5, 0.5, SentimentLabels.Negative, true, intensity, reasons);

    private static (MoodTrajectory Trajectory, EscalationDecision Decision) Run(EscalationPolicy policy, params (SentimentResult Result, string Text)[] messages)
    {
        var trajectory = new MoodTrajectory();
        var decision = EscalationDecision.None;
        foreach (var (result, text) in messages)
        {
            trajectory.Add(result, Now, policy.Options.SmoothingFactor);
            decision = policy.Evaluate(trajectory, result, text);
        }

        return (trajectory, decision);
    }

    [Fact]
    public void Evaluate_CalmConversation_DoesNotEscalate()
    {
        var (_, decision) = Run(new EscalationPolicy(new EscalationOptions()), (Calm(), "hi"), (Negative(), "my parcel is damaged"), (Calm(), "thanks"));

        Assert.False(decision.Escalate);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Evaluate_IntenseUpsetMessage_EscalatesAtOnce()
    {
        var (_, decision) = Run(new EscalationPolicy(new EscalationOptions { IntensityThreshold = 0.7 }), (Upset(0.85, UpsetReasons.Shouting), "WHERE IS IT"));

        Assert.True(decision.Escalate);
        Assert.Equal([EscalationReasons.Intensity], decision.Reasons);
    }

    [Fact]
    public void Evaluate_MildUpsetBelowThreshold_DoesNotEscalate()
    {
        var (_, decision) = Run(new EscalationPolicy(new EscalationOptions { IntensityThreshold = 0.7 }), (Upset(0.4, UpsetReasons.Waiting), "still waiting"));

        Assert.False(decision.Escalate);
    }

    [Fact]
    public void Evaluate_ThreeNegativeMessagesInARow_Escalates()
    {
        var policy = new EscalationPolicy(new EscalationOptions { ConsecutiveNegativeTurns = 3 });

        var (trajectory, decision) = Run(policy, (Negative(), "a"), (Negative(), "b"), (Upset(0.3), "c"));

        Assert.Equal(3, trajectory.ConsecutiveNegative);
        Assert.Contains(EscalationReasons.ConsecutiveNegative, decision.Reasons);
    }

    [Fact]
    public void Evaluate_NegativeRunBrokenByCalmMessage_StartsCountingAgain()
    {
        var (trajectory, decision) = Run(new EscalationPolicy(new EscalationOptions()), (Negative(), "a"), (Negative(), "b"), (Calm(), "ok"), (Negative(), "c"));

        Assert.Equal(1, trajectory.ConsecutiveNegative);
        Assert.False(decision.Escalate);
    }

    [Fact]
    public void Evaluate_SuddenDropFromHappyToAngry_Escalates()
    {
        var policy = new EscalationPolicy(new EscalationOptions { SuddenDrop = 0.6, IntensityThreshold = 0.95 });

        var (trajectory, decision) = Run(policy, (Calm(0.8), "great, thanks!"), (Upset(0.6, UpsetReasons.Insult), "this is a joke"));

        Assert.True(trajectory.LastDrop >= 0.6);
        Assert.Equal([EscalationReasons.SuddenDrop], decision.Reasons);
    }

    [Fact]
    public void Evaluate_FailedResolutionsReachLimit_Escalates()
    {
        var policy = new EscalationPolicy(new EscalationOptions { FailedResolutions = 2 });
        var trajectory = new MoodTrajectory { FailedResolutions = 2 };
        trajectory.Add(Calm(0), Now, 0.5);

        var decision = policy.Evaluate(trajectory, Calm(0), "that didn't help");

        Assert.Equal([EscalationReasons.FailedResolutions], decision.Reasons);
    }

    [Theory]
    [InlineData("Can I talk to a person please?", true)]
    [InlineData("I want to SPEAK TO A HUMAN.", true)]
    [InlineData("put me through to your manager", true)]
    [InlineData("no need for a manager, thanks", false)]
    [InlineData("I don't want a manager, just the refund", false)]
    [InlineData("the personal details page is broken", false)]
    [InlineData("my agentic workflow broke", false)]
    public void AsksForPerson_Phrases_MatchWholeWordsNotNegated(string text, bool expected)
    {
        var policy = new EscalationPolicy(new EscalationOptions());

        Assert.Equal(expected, policy.AsksForPerson(text));
    }

    [Fact]
    public void Evaluate_LegalThreatReason_EscalatesWhateverTheIntensity()
    {
        var (_, decision) = Run(new EscalationPolicy(new EscalationOptions()), (Upset(0.3, UpsetReasons.LegalThreat), "my lawyer will hear about this"));

        Assert.Equal([UpsetReasons.LegalThreat], decision.Reasons);
    }

    [Fact]
    public void Add_ManyMessages_KeepsRecentPointsAndCountsAll()
    {
        var trajectory = new MoodTrajectory();

        for (var i = 0; i < MoodTrajectory.MaxPoints + 10; i++)
        {
            trajectory.Add(Calm(0.1), Now.AddMinutes(i), 0.5);
        }

        Assert.Equal(MoodTrajectory.MaxPoints, trajectory.Points.Count);
        Assert.Equal(MoodTrajectory.MaxPoints + 10, trajectory.Messages);
        Assert.Equal(Now.AddMinutes(10), trajectory.Points[0].At);
    }

    [Fact]
    public void Validate_BadValues_NameTheKeys()
    {
        var options = new EscalationOptions { IntensityThreshold = 1.5, ConsecutiveNegativeTurns = 0, SmoothingFactor = 0, ExplicitRequestPhrases = ["", "agent"] };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Escalation:IntensityThreshold", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Escalation:ConsecutiveNegativeTurns", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Escalation:SmoothingFactor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Escalation:ExplicitRequestPhrases", StringComparison.Ordinal));
        Assert.Empty(new EscalationOptions().Validate());
    }
}
