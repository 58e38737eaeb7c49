using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>Recognises what the customer asks for ("I want my money back" is a refund).</summary>
internal static partial class WantRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly (string Want, Func<Regex> Pattern)[] Rules =
    [
        (Wants.Compensation, CompensationRegex),
        (Wants.Discount, DiscountRegex),
        (Wants.Express, ExpressRegex),
        (Wants.Refund, RefundRegex),
        (Wants.Replacement, ReplacementRegex),
        (Wants.Repair, RepairRegex),
        (Wants.Callback, CallbackRegex),
        (Wants.Cancel, CancelRegex),
        (Wants.Ticket, TicketRegex),
    ];

    public static string? Find(string input)
    {
        foreach (var (want, pattern) in Rules)
        {
            if (pattern().IsMatch(input))
            {
                return want;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:compensation|compensate|damages|for my trouble|on top)\b", Options)]
    private static partial Regex CompensationRegex();

    [GeneratedRegex(@"\b(?:discount|voucher|coupon|gift card|store credit|free (?:one|item|shipping))\b", Options)]
    private static partial Regex DiscountRegex();

    [GeneratedRegex(@"\b(?:express|overnight|next[- ]day) (?:delivery|shipping)\b", Options)]
    private static partial Regex ExpressRegex();

    [GeneratedRegex(@"\b(?:refund|money back|reimburse|reimbursement|pay me back)\b", Options)]
    private static partial Regex RefundRegex();

    [GeneratedRegex(@"\b(?:replacement|replace|new one|exchange|another one|swap)\b", Options)]
    private static partial Regex ReplacementRegex();

    [GeneratedRegex(@"\b(?:repair|fix it|fixed)\b", Options)]
    private static partial Regex RepairRegex();

    [GeneratedRegex(@"\b(?:call me|callback|call back|phone me|ring me)\b", Options)]
    private static partial Regex CallbackRegex();

    [GeneratedRegex(@"\b(?:cancel (?:my |the )?order|cancel it)\b", Options)]
    private static partial Regex CancelRegex();

    [GeneratedRegex(@"\b(?:investigate|look into it|open a ticket|raise a ticket)\b", Options)]
    private static partial Regex TicketRegex();
}
