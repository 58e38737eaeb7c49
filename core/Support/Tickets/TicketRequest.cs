namespace SupportBot.Core.Support.Tickets;

/// <summary>What <see cref="ITicketService.CreateAsync"/> needs to open a ticket.</summary>
/// <param name="Category">Issue type (the policy's name for it), e.g. <c>damaged</c>.</param>
/// <param name="Summary">What the customer needs, in a sentence.</param>
/// <param name="ResolveWithin">The time frame promised (the policy's SLA for the category); the due time is now plus this.</param>
/// <param name="CustomerId">The verified customer, if known.</param>
/// <param name="OrderNumber">The order concerned, if any.</param>
/// <param name="Channel">The customer's channel, for the follow-up.</param>
public sealed record TicketRequest(
    string Category,
    string Summary,
    TimeSpan ResolveWithin,
    string? CustomerId = null,
    string? OrderNumber = null,
    string? Channel = null);
