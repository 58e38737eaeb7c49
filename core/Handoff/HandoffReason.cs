namespace SupportBot.Core.Handoff;

/// <summary>Why the customer is handed to a person.</summary>
/// <param name="Kind">One of <see cref="HandoffReasonKinds"/>.</param>
/// <param name="Details">The detail reasons, e.g. the escalation policy's and the analyzer's (<c>intensity</c>, <c>legal-threat</c>).</param>
public sealed record HandoffReason(string Kind, IReadOnlyList<string> Details)
{
    /// <summary>A reason without details.</summary>
    public static HandoffReason Of(string kind) => new(kind, []);
}

/// <summary>Values of <see cref="HandoffReason.Kind"/>.</summary>
public static class HandoffReasonKinds
{
    /// <summary>The mood trajectory crossed the escalation policy (its reasons are the details).</summary>
    public const string Sentiment = "sentiment";

    /// <summary>The customer asked for a person.</summary>
    public const string ExplicitRequest = "explicit-request";

    /// <summary>The bot's resolutions failed repeatedly.</summary>
    public const string RepeatedFailure = "repeated-failure";

    /// <summary>What the customer needs is outside what the bot may do.</summary>
    public const string OutsidePolicy = "outside-policy";
}
