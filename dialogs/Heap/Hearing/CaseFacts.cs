namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>What the customer has told us about their issue, extracted deterministically and kept in state.</summary>
public sealed class CaseFacts
{
    /// <summary>The order number ("4411").</summary>
    public string? OrderNumber { get; set; }

    /// <summary>A ticket reference the customer quoted ("T-1042").</summary>
    public string? TicketId { get; set; }

    /// <summary>The product, in the customer's words ("phone", "headphones").</summary>
    public string? Product { get; set; }

    /// <summary>An amount with its currency.</summary>
    public Money? Amount { get; set; }

    /// <summary>A deadline or date in the customer's words ("before Friday", "by 12 March").</summary>
    public string? Deadline { get; set; }

    /// <summary>The issue type (<see cref="Policy.IssueTypes"/>), or null when nothing went wrong that we recognise.</summary>
    public string? IssueType { get; set; }

    /// <summary>What went wrong, as a phrase that follows the subject ("arrived damaged").</summary>
    public string? Problem { get; set; }

    /// <summary>A detail of the problem in the customer's words ("cracked screen").</summary>
    public string? Detail { get; set; }

    /// <summary>What the customer wants (<see cref="Wants"/>), when they said.</summary>
    public string? Want { get; set; }

    /// <summary>An email address the customer typed (never used to look anyone up: it is not verified).</summary>
    public string? TypedEmail { get; set; }

    /// <summary>The customer's own summary, pronouns turned round, for issues no rule recognises.</summary>
    public string? Story { get; set; }

    /// <summary>True when anything at all was recognised.</summary>
    public bool IsEmpty => OrderNumber is null && TicketId is null && Product is null && Amount is null
        && Deadline is null && IssueType is null && Want is null && TypedEmail is null;

    /// <summary>Takes every fact <paramref name="newer"/> states, keeping ours where it is silent.</summary>
    public void MergeFrom(CaseFacts newer)
    {
        OrderNumber = newer.OrderNumber ?? OrderNumber;
        TicketId = newer.TicketId ?? TicketId;
        Product = newer.Product ?? Product;
        Amount = newer.Amount ?? Amount;
        Deadline = newer.Deadline ?? Deadline;
        Want = newer.Want ?? Want;
        TypedEmail = newer.TypedEmail ?? TypedEmail;
        if (newer.IssueType is not null)
        {
            IssueType = newer.IssueType;
            Problem = newer.Problem;
            Detail = newer.Detail ?? (newer.IssueType == IssueType ? Detail : null);
        }

        Story = newer.IssueType is not null || Story is null ? newer.Story ?? Story : Story;
    }
}

/// <summary>An amount of money as the customer stated it.</summary>
/// <param name="Amount">The value.</param>
/// <param name="Currency">ISO code (USD, EUR, GBP).</param>
public sealed record Money(decimal Amount, string Currency)
{
    /// <inheritdoc />
    public override string ToString() => Currency switch
    {
        "USD" => $"${Amount:0.##}",
        "EUR" => $"€{Amount:0.##}",
        "GBP" => $"£{Amount:0.##}",
        _ => $"{Amount:0.##} {Currency}",
    };
}

/// <summary>What a customer can ask for; the first five are also <see cref="Policy.HeapActions"/>.</summary>
public static class Wants
{
    public const string Refund = Policy.HeapActions.Refund;
    public const string Replacement = Policy.HeapActions.Replacement;
    public const string Repair = Policy.HeapActions.Repair;
    public const string Callback = Policy.HeapActions.Callback;
    public const string Ticket = Policy.HeapActions.Ticket;
    public const string Compensation = "compensation";
    public const string Discount = "discount";
    public const string Cancel = "cancel";
    public const string Express = "express-delivery";

    /// <summary>How a want reads in "I understand you'd like …".</summary>
    public static string Phrase(string want) => want switch
    {
        Compensation => "some compensation on top",
        Discount => "a discount or voucher",
        Cancel => "to cancel the order",
        Express => "express delivery",
        _ => Policy.HeapActions.Phrase(want),
    };
}
