using System.Globalization;
using SupportBot.Core.Sentiment.Mood;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The short summary an agent reads first, built deterministically (same input, same words) from the facts,
/// the reason, the mood and what was tried — no language model involved.
/// </summary>
public static class HandoffSummary
{
    /// <summary>How many recent messages decide the trend.</summary>
    private const int TrendWindow = 3;

    public static string Build(string? customerName, string channel, HandoffReason reason, IReadOnlyDictionary<string, string> facts, IReadOnlyList<string> tried, HandoffMood mood, string? stage)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(facts);
        var who = customerName is { Length: > 0 } ? customerName : "The customer";
        var parts = new List<string>();
        var issue = Describe(facts);
        parts.Add(issue is null ? $"{who} ({channel}) needs help." : $"{who} ({channel}): {issue}.");
        if (facts.TryGetValue("want", out var want))
        {
            parts.Add($"Wants: {want}.");
        }

        if (facts.TryGetValue("deadline", out var deadline))
        {
            parts.Add($"Deadline: {deadline}.");
        }

        var why = reason.Kind switch
        {
            HandoffReasonKinds.ExplicitRequest => "Asked for a person",
            HandoffReasonKinds.Sentiment => "Escalated on mood",
            HandoffReasonKinds.RepeatedFailure => "The bot's solutions did not help",
            HandoffReasonKinds.OutsidePolicy => "Outside what the bot may do",
            _ => "Escalated",
        };
        parts.Add(reason.Details.Count > 0 ? $"{why} ({string.Join(", ", reason.Details)})." : $"{why}.");
        parts.Add($"Mood: {mood.Trend}, average {mood.Average.ToString("0.00", CultureInfo.InvariantCulture)}.");
        if (tried.Count > 0)
        {
            parts.Add($"Tried: {string.Join(", ", tried)}.");
        }

        if (stage is not null)
        {
            parts.Add($"Stage reached: {stage}.");
        }

        return string.Join(' ', parts);
    }

    /// <summary>The trend of the last few scored messages: worsening, improving, steady or unknown.</summary>
    public static string Trend(IReadOnlyList<MoodPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return "unknown";
        }

        var first = points[Math.Max(0, points.Count - TrendWindow)].Average;
        var last = points[^1].Average;
        return (last - first) switch
        {
            <= -0.15 => "worsening",
            >= 0.15 => "improving",
            _ => "steady",
        };
    }

    private static string? Describe(IReadOnlyDictionary<string, string> facts)
    {
        facts.TryGetValue("orderNumber", out var order);
        facts.TryGetValue("product", out var product);
        facts.TryGetValue("problem", out var problem);
        facts.TryGetValue("issueType", out var issueType);
        var subject = order is not null ? $"order {order}" : product;
        var what = problem ?? issueType;
        return (subject, what) switch
        {
            ({ } s, { } w) => $"{s} — {w}",
            ({ } s, null) => s,
            (null, { } w) => w,
            _ => null,
        };
    }
}
