namespace SupportBot.Core.Support.Tickets;

/// <summary>A support ticket. Times are UTC.</summary>
/// <param name="Reference">What the customer quotes, e.g. <c>T-1042</c>.</param>
/// <param name="CustomerId">The customer, if known.</param>
/// <param name="OrderNumber">The order it is about, if any.</param>
/// <param name="Category">Issue type, e.g. <c>damaged</c>, <c>late-delivery</c>, <c>callback</c> (the policy's names).</param>
/// <param name="Summary">What the customer needs, in a sentence.</param>
/// <param name="Channel">The channel the customer used, for the proactive follow-up.</param>
/// <param name="Status">Open or resolved.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="DueAt">When we promised it done by.</param>
/// <param name="ResolvedAt">When it was resolved, if it is.</param>
/// <param name="Resolution">What was done, if resolved.</param>
public sealed record Ticket(
    string Reference,
    string? CustomerId,
    string? OrderNumber,
    string Category,
    string Summary,
    string? Channel,
    TicketStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ResolvedAt,
    string? Resolution);
