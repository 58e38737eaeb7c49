namespace SupportBot.Dialogs.Heap.Actions;

/// <summary>
/// The business actions the HEAP dialog takes. The implementation, <see cref="KernelSupportActions"/>,
/// invokes the Semantic Kernel plugins through a <c>Kernel</c>; the dialog never touches a service directly.
/// </summary>
public interface ISupportActions
{
    /// <summary>The knowledge-base article that confidently answers <paramref name="question"/>, or null.</summary>
    Task<KnowledgeHit?> SearchKnowledgeAsync(string question, CancellationToken cancellationToken = default);

    /// <summary>The order with that number, or null when there is none.</summary>
    Task<OrderSummary?> GetOrderAsync(string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Opens a ticket and returns its reference.</summary>
    Task<string> CreateTicketAsync(NewTicket ticket, CancellationToken cancellationToken = default);

    /// <summary>The ticket's status ("open", "resolved"), or null when it does not exist.</summary>
    Task<TicketSummary?> GetTicketAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Marks the ticket resolved.</summary>
    Task ResolveTicketAsync(string ticketId, string resolution, CancellationToken cancellationToken = default);

    /// <summary>
    /// Requests a refund of <paramref name="amount"/> (the order's total when null) up to the policy's
    /// <paramref name="limit"/>; the answer says whether it was accepted and its reference.
    /// </summary>
    Task<RefundOutcome> RequestRefundAsync(string? orderNumber, decimal? amount, decimal limit, string reason, string? customerId, CancellationToken cancellationToken = default);

    /// <summary>The customer the channel vouches for (channel id and the channel's user id), or null.</summary>
    Task<CustomerSummary?> LookupCustomerAsync(string channelId, string channelUserId, CancellationToken cancellationToken = default);
}

/// <summary>A knowledge-base answer: the paragraph to quote and the article it comes from.</summary>
public sealed record KnowledgeHit(string Title, string Answer, string Slug);

/// <summary>What the dialog needs of an order. <see cref="CustomerId"/> decides whether details may be shown.</summary>
public sealed record OrderSummary(string OrderNumber, string? CustomerId, string? Status, DateTimeOffset? OrderedAt, decimal? Total);

/// <summary>A ticket to open.</summary>
public sealed record NewTicket(string Subject, string Description, string IssueType, string Action, string? OrderNumber, string? CustomerId, string Channel, string Priority, int SlaHours);

/// <summary>A ticket's reference, subject and status.</summary>
public sealed record TicketSummary(string Id, string? Subject, string Status);

/// <summary>The answer to a refund request.</summary>
public sealed record RefundOutcome(bool Accepted, string? Reference, decimal? Amount, string? Reason);

/// <summary>A known customer: id, first name and open tickets (reference and summary).</summary>
public sealed record CustomerSummary(string CustomerId, string? Name, IReadOnlyList<TicketSummary> OpenTickets);
