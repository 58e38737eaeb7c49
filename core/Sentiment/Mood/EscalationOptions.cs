namespace SupportBot.Core.Sentiment.Mood;

/// <summary>The <c>Escalation</c> section of appsettings.json: when an upset customer goes to a person.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>An upset message at least this intense (0…1) escalates at once.</summary>
    public double IntensityThreshold { get; set; } = 0.7;

    /// <summary>This many negative or upset customer messages in a row escalate.</summary>
    public int ConsecutiveNegativeTurns { get; set; } = 3;

    /// <summary>A fall of the mood mean by at least this much (on −1…1) in one message escalates.</summary>
    public double SuddenDrop { get; set; } = 0.6;

    /// <summary>This many failed resolution attempts escalate.</summary>
    public int FailedResolutions { get; set; } = 2;

    /// <summary>Weight of the newest message in the mood mean (0…1].</summary>
    public double SmoothingFactor { get; set; } = 0.5;

    /// <summary>
    /// Phrases that mean "let me talk to a person", matched case-insensitively as whole words; null means
    /// <see cref="DefaultExplicitRequestPhrases"/>. (Null rather than a filled list: configuration binding
    /// appends to a list that already has items, so a configured list could never remove a default.)
    /// </summary>
    public List<string>? ExplicitRequestPhrases { get; set; }

    /// <summary>Upset reasons that escalate on their own, whatever the intensity; null means <see cref="DefaultImmediateReasons"/>.</summary>
    public List<string>? ImmediateReasons { get; set; }

    public static IReadOnlyList<string> DefaultExplicitRequestPhrases { get; } =
    [
        "talk to a person", "talk to a human", "speak to a person", "speak to a human", "speak to someone",
        "talk to someone", "real person", "human agent", "live agent", "an agent", "a manager", "your manager",
        "supervisor", "representative", "customer service rep",
    ];

    public static IReadOnlyList<string> DefaultImmediateReasons { get; } = [UpsetReasons.LegalThreat, UpsetReasons.AsksForHuman];

    internal IReadOnlyList<string> EffectivePhrases => ExplicitRequestPhrases ?? DefaultExplicitRequestPhrases;

    internal IReadOnlyList<string> EffectiveImmediateReasons => ImmediateReasons ?? DefaultImmediateReasons;

    /// <summary>Checks every value; the message names the key (e.g. <c>Escalation:IntensityThreshold</c>).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (IntensityThreshold is <= 0 or > 1)
        {
            errors.Add($"{SectionName}:{nameof(IntensityThreshold)} must be in (0, 1] (was {IntensityThreshold}).");
        }

        if (ConsecutiveNegativeTurns < 1)
        {
            errors.Add($"{SectionName}:{nameof(ConsecutiveNegativeTurns)} must be at least 1 (was {ConsecutiveNegativeTurns}).");
        }

        if (SuddenDrop is <= 0 or > 2)
        {
            errors.Add($"{SectionName}:{nameof(SuddenDrop)} must be in (0, 2] (was {SuddenDrop}).");
        }

        if (FailedResolutions < 1)
        {
            errors.Add($"{SectionName}:{nameof(FailedResolutions)} must be at least 1 (was {FailedResolutions}).");
        }

        if (SmoothingFactor is <= 0 or > 1)
        {
            errors.Add($"{SectionName}:{nameof(SmoothingFactor)} must be in (0, 1] (was {SmoothingFactor}).");
        }

        if (ExplicitRequestPhrases?.Exists(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add($"{SectionName}:{nameof(ExplicitRequestPhrases)} must not contain empty phrases.");
        }

        return errors;
    }
}
