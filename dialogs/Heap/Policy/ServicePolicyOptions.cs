using System.Globalization;

namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>
/// The <c>Policy</c> section of appsettings.json: what the bot may offer and promise. The HEAP dialog
/// reads everything it offers from here, so changing the policy changes the conversation with no code change.
/// </summary>
public sealed class ServicePolicyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Policy";

    /// <summary>The brand the bot speaks for ("Alder &amp; Finch").</summary>
    public string BrandName { get; set; } = "Alder & Finch";

    /// <summary>Closes a finished conversation ("Thanks for shopping with Alder &amp; Finch.").</summary>
    public string SignOff { get; set; } = "Thanks for shopping with Alder & Finch.";

    /// <summary>ISO currency code amounts are stated in when the customer names none.</summary>
    public string Currency { get; set; } = "GBP";

    /// <summary>The largest refund the bot may request on its own; larger ones go to a person.</summary>
    public decimal RefundLimit { get; set; } = 200m;

    /// <summary>When a replacement may be offered.</summary>
    public ReplacementRules Replacement { get; set; } = new();

    /// <summary>When people answer callbacks and handoffs.</summary>
    public AgentHours AgentHours { get; set; } = new();

    /// <summary>After this long without a customer message an unfinished case counts as abandoned.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// In chat, how long to wait after a customer's last message before answering, so a story typed as a
    /// burst of short messages is heard whole. Zero (the default) answers every message at once; the
    /// <c>chat</c> CLI and the benchmarks keep it off. Applies only to pushed replies, never to a caller
    /// waiting for its replies in the HTTP response (<c>expectReplies</c>).
    /// </summary>
    public TimeSpan BurstQuietPeriod { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Per issue type (<see cref="IssueTypes"/>): the actions the bot may offer and the SLA it promises.
    /// Must contain <see cref="IssueTypes.Other"/>, used for anything unclassified.
    /// </summary>
    public Dictionary<string, IssuePolicy> Issues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy for <paramref name="issueType"/>, falling back to <see cref="IssueTypes.Other"/>.</summary>
    public IssuePolicy For(string issueType) =>
        Issues.TryGetValue(issueType, out var policy) ? policy
        : Issues.TryGetValue(IssueTypes.Other, out var other) ? other
        : IssuePolicy.Fallback;

    /// <summary>Checks every value; each message names its key (e.g. <c>Policy:RefundLimit</c>).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Require(errors, !string.IsNullOrWhiteSpace(BrandName), nameof(BrandName), "must not be empty");
        Require(errors, !string.IsNullOrWhiteSpace(SignOff), nameof(SignOff), "must not be empty");
        Require(errors, Currency is { Length: 3 } && Currency.All(char.IsAsciiLetterUpper), nameof(Currency), $"must be a three-letter ISO code such as USD (was '{Currency}')");
        Require(errors, RefundLimit >= 0, nameof(RefundLimit), $"must not be negative (was {RefundLimit.ToString(CultureInfo.InvariantCulture)})");
        Require(errors, BurstQuietPeriod >= TimeSpan.Zero && BurstQuietPeriod <= TimeSpan.FromSeconds(30), nameof(BurstQuietPeriod), $"must be between 0 and 30 seconds (was {BurstQuietPeriod})");
        Require(errors, InactivityTimeout > TimeSpan.Zero, nameof(InactivityTimeout), $"must be positive (was {InactivityTimeout})");
        Require(errors, Replacement.MaxOrderAgeDays >= 0, "Replacement:MaxOrderAgeDays", $"must not be negative (was {Replacement.MaxOrderAgeDays})");
        errors.AddRange(AgentHours.Validate($"{SectionName}:{nameof(AgentHours)}"));
        Require(errors, Issues.ContainsKey(IssueTypes.Other), $"{nameof(Issues)}:{IssueTypes.Other}", "must be configured (it covers every unclassified issue)");
        foreach (var (type, issue) in Issues)
        {
            var key = $"{nameof(Issues)}:{type}";
            Require(errors, IssueTypes.All.Contains(type), key, $"is not a known issue type (known: {string.Join(", ", IssueTypes.All)})");
            Require(errors, issue.SlaHours > 0, $"{key}:{nameof(IssuePolicy.SlaHours)}", $"must be positive (was {issue.SlaHours})");
            Require(errors, issue.Actions.Count > 0, $"{key}:{nameof(IssuePolicy.Actions)}", "must list at least one action");
            foreach (var action in issue.Actions.Where(a => !HeapActions.All.Contains(a)))
            {
                errors.Add($"{SectionName}:{key}:{nameof(IssuePolicy.Actions)} has the unknown action '{action}' (known: {string.Join(", ", HeapActions.All)}).");
            }
        }

        return errors;
    }

    private static void Require(List<string> errors, bool ok, string key, string problem)
    {
        if (!ok)
        {
            errors.Add($"{SectionName}:{key} {problem}.");
        }
    }
}
