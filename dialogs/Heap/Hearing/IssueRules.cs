using System.Text.RegularExpressions;
using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>Recognises what went wrong: the issue type, a phrase for it, and the customer's detail ("cracked screen").</summary>
internal static partial class IssueRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>In priority order: a damaged parcel that is also late is about the damage.</summary>
    private static readonly (string Type, string Problem, Func<Regex> Pattern)[] Rules =
    [
        (IssueTypes.Damaged, "arrived damaged", DamagedRegex),
        (IssueTypes.WrongItem, "isn't what you ordered", WrongItemRegex),
        (IssueTypes.Missing, "is missing", MissingRegex),
        (IssueTypes.Defective, "isn't working", DefectiveRegex),
        (IssueTypes.Billing, "was charged incorrectly", BillingRegex),
        (IssueTypes.Late, "hasn't arrived yet", LateRegex),
        (IssueTypes.Account, "has an account problem", AccountRegex),
    ];

    /// <summary>Sets the issue facts; answers where in <paramref name="input"/> the problem was found (-1 when none).</summary>
    public static int Apply(string input, CaseFacts facts)
    {
        foreach (var (type, problem, pattern) in Rules)
        {
            var match = pattern().Match(input);
            if (!match.Success)
            {
                continue;
            }

            facts.IssueType = type;
            facts.Problem = problem;
            facts.Detail = match.Groups["d"] is { Success: true } d && d.Value.Contains(' ', StringComparison.Ordinal) ? d.Value.ToLowerInvariant()
                : match.Groups["dn"] is { Success: true } noun && match.Groups["da"] is { Success: true } adjective ? $"{adjective.Value} {noun.Value}".ToLowerInvariant() // "the screen is cracked" → "cracked screen"
                : null;
            return match.Index;
        }

        return -1;
    }

    // Group "d" captures the customer's own words for the damage ("cracked screen").
    [GeneratedRegex(@"\b(?<dn>screen|glass|lid|case|box|casing|handle|leg|corner|lens|display|packaging|parcel|package)\s+(?:is|was|got|has been|came|arrived)\s+(?<da>cracked|broken|smashed|shattered|dented|scratched|crushed|torn|ripped|bent|chipped|leaking)\b|(?<d>\b(?:cracked|broken|smashed|shattered|dented|scratched|crushed|torn|ripped|bent|chipped|leaking)(?:\s+(?:screen|glass|lid|case|box|casing|handle|leg|corner|lens|display|packaging|parcel|package))?)|\b(?:damaged|arrived broken|in pieces)\b", Options)]
    private static partial Regex DamagedRegex();

    [GeneratedRegex(@"\b(?:wrong (?:item|size|colou?r|product|one|order)|not what i ordered|sent me (?:a|the) wrong|different (?:item|product))\b", Options)]
    private static partial Regex WrongItemRegex();

    [GeneratedRegex(@"\b(?:missing|never (?:arrived|came|got it|received)|not (?:arrived|received|delivered)|lost (?:in the post|parcel|package)|didn'?t (?:arrive|get|receive)|hasn'?t (?:arrived|come)|no sign of)\b", Options)]
    private static partial Regex MissingRegex();

    [GeneratedRegex(@"(?<d>\b(?:stopped working|doesn'?t work|does not work|not working|won'?t (?:turn on|charge|start|connect)|isn'?t working|faulty|defective|dead on arrival|keeps (?:crashing|restarting|turning off)))\b", Options)]
    private static partial Regex DefectiveRegex();

    [GeneratedRegex(@"(?<d>\b(?:charged twice|double charged|charged (?:me )?(?:two|2) times|overcharged|wrong (?:amount|price|charge)|unexpected charge|billed twice|refund (?:hasn'?t|has not|never) (?:arrived|come|shown)))\b", Options)]
    private static partial Regex BillingRegex();

    [GeneratedRegex(@"\b(?:late|delayed|still waiting|still not here|where is my (?:order|parcel|package)|hasn'?t shipped|not shipped|stuck in transit|taking (?:so|too) long)\b", Options)]
    private static partial Regex LateRegex();

    [GeneratedRegex(@"(?<d>\b(?:can'?t log ?in|cannot log ?in|locked out|password reset|reset (?:my )?password|forgot (?:my )?password|account (?:is )?(?:locked|blocked|hacked)))\b", Options)]
    private static partial Regex AccountRegex();
}
