using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>
/// Pulls the facts out of a customer message with fixed rules (no model): order and ticket numbers,
/// product, amount, deadline, what went wrong and what they want. Only the first
/// <see cref="MaxChars"/> characters are read, and every pattern is linear-time, so a 50 KB paste costs
/// no more than a long message.
/// </summary>
internal static partial class FactExtractor
{
    public const int MaxChars = 4000;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public static CaseFacts Extract(string? text)
    {
        var facts = new CaseFacts();
        if (string.IsNullOrWhiteSpace(text))
        {
            return facts;
        }

        var input = text.Length > MaxChars ? text[..MaxChars] : text;
        facts.TicketId = TicketRegex().Match(input) is { Success: true } t ? $"T-{t.Groups["n"].Value}" : null;
        facts.OrderNumber = OrderRegex().Match(input) is { Success: true } o ? o.Groups["n"].Value : null;
        facts.TypedEmail = EmailRegex().Match(input) is { Success: true } e ? e.Value : null;
        facts.Amount = ReadAmount(input);
        facts.Deadline = DeadlineRegex().Match(input) is { Success: true } d ? Tidy(d.Value) : null;
        facts.Product = ProductLexicon.Find(input);
        var problemAt = IssueRules.Apply(input, facts);
        facts.Want = WantRules.Find(input);
        facts.Story = Reflector.Reflect(input, problemAt);
        return facts;
    }

    /// <summary>A bare number that can only be an order number (the answer to "could you double-check it?").</summary>
    public static string? BareOrderNumber(string? text) =>
        text is not null && BareNumberRegex().Match(text.Length > MaxChars ? text[..MaxChars] : text) is { Success: true } m ? m.Value : null;

    private static Money? ReadAmount(string input)
    {
        var m = AmountRegex().Match(input);
        if (!m.Success)
        {
            return null;
        }

        var number = (m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value).Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var symbol = (m.Groups["s"].Success ? m.Groups["s"].Value : m.Groups["c"].Value).ToLowerInvariant();
        var currency = symbol switch
        {
            "$" or "usd" or "dollar" or "dollars" => "USD",
            "€" or "eur" or "euro" or "euros" => "EUR",
            "£" or "gbp" or "pound" or "pounds" => "GBP",
            _ => "USD",
        };
        return new Money(amount, currency);
    }

    private static string Tidy(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\bT-?(?<n>\d{3,8})\b", Options)]
    private static partial Regex TicketRegex();

    // "order 4411", "order #4411", "order number 4411", "order no. 4411", "#4411".
    [GeneratedRegex(@"(?:\border\s*(?:number|no\.?|num|nr|id)?\s*[:#]?\s*|#)(?<n>\d{3,10})\b", Options)]
    private static partial Regex OrderRegex();

    [GeneratedRegex(@"\b\d{3,10}\b", Options)]
    private static partial Regex BareNumberRegex();

    [GeneratedRegex(@"\b[A-Z0-9._%+-]{1,64}@[A-Z0-9.-]{1,200}\.[A-Z]{2,24}\b", Options)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<s>[$€£])\s?(?<a>\d{1,7}(?:,\d{3})*(?:\.\d{1,2})?)|\b(?<b>\d{1,7}(?:,\d{3})*(?:\.\d{1,2})?)\s?(?<c>usd|eur|gbp|dollars?|euros?|pounds?)\b", Options)]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"\b(?:by|before|until|till|no later than)\s+(?:this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the weekend|weekend|christmas|end of (?:the )?(?:week|month)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b|\b(?:next week|tomorrow|asap|urgently)\b", Options)]
    private static partial Regex DeadlineRegex();
}
