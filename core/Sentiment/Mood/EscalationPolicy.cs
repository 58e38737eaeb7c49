using System.Globalization;

namespace SupportBot.Core.Sentiment.Mood;

/// <summary>
/// Decides from the latest message and the trajectory whether to escalate: an intense upset message, a
/// run of negative messages, a sudden drop, repeated failed resolutions, an explicit request for a
/// person, or an immediate reason such as a legal threat. Configured by <see cref="EscalationOptions"/>.
/// </summary>
public sealed class EscalationPolicy(EscalationOptions options)
{
    private readonly string[] _phrases = options.EffectivePhrases.Select(p => p.Trim().ToLowerInvariant()).ToArray();

    public EscalationOptions Options { get; } = options;

    public EscalationDecision Evaluate(MoodTrajectory trajectory, SentimentResult latest, string? text)
    {
        var reasons = new List<string>();
        foreach (var reason in latest.Reasons)
        {
            if (Options.EffectiveImmediateReasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        if (AsksForPerson(text))
        {
            reasons.Add(EscalationReasons.ExplicitRequest);
        }

        if (latest.Upset && latest.Intensity >= Options.IntensityThreshold)
        {
            reasons.Add(EscalationReasons.Intensity);
        }

        if (trajectory.ConsecutiveNegative >= Options.ConsecutiveNegativeTurns)
        {
            reasons.Add(EscalationReasons.ConsecutiveNegative);
        }

        if (trajectory.Messages > 1 && trajectory.LastDrop >= Options.SuddenDrop)
        {
            reasons.Add(EscalationReasons.SuddenDrop);
        }

        if (trajectory.FailedResolutions >= Options.FailedResolutions)
        {
            reasons.Add(EscalationReasons.FailedResolutions);
        }

        return reasons.Count == 0 ? EscalationDecision.None : new EscalationDecision(true, reasons.Distinct().ToList());
    }

    private static readonly string[] Negators = ["no", "not", "don't", "dont", "never", "without", "no need"];

    /// <summary>"I don't need a manager": a negator among the three words before the phrase.</summary>
    private static bool IsNegated(string lower, int phraseStart)
    {
        var words = lower[..phraseStart].Split((char[])[' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = Math.Max(0, words.Length - 3); i < words.Length; i++)
        {
            if (Array.IndexOf(Negators, words[i]) >= 0 || words[i].EndsWith("n't", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text contains one of the configured phrases as whole words, not negated.</summary>
    public bool AsksForPerson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var lower = text.ToLower(CultureInfo.InvariantCulture);
        foreach (var phrase in _phrases)
        {
            var at = lower.IndexOf(phrase, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + phrase.Length;
                if ((at == 0 || !char.IsLetterOrDigit(lower[at - 1])) && (end == lower.Length || !char.IsLetterOrDigit(lower[end]))
                    && !IsNegated(lower, at))
                {
                    return true;
                }

                at = lower.IndexOf(phrase, at + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }
}
