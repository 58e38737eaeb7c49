namespace SupportBot.Core.Sentiment.Mood;

/// <summary>Whether this turn should hand the customer to a person, and why.</summary>
public sealed record EscalationDecision(bool Escalate, IReadOnlyList<string> Reasons)
{
    public static EscalationDecision None { get; } = new(false, []);
}

/// <summary>Reasons an escalation decision gives (besides the analyzer's immediate reasons such as <c>legal-threat</c>).</summary>
public static class EscalationReasons
{
    public const string Intensity = "intensity";
    public const string ConsecutiveNegative = "consecutive-negative";
    public const string SuddenDrop = "sudden-drop";
    public const string FailedResolutions = "failed-resolutions";
    public const string ExplicitRequest = "explicit-request";
}
