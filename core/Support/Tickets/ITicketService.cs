namespace SupportBot.Core.Support.Tickets;

/// <summary>The ticket system: commitments the bot or an agent made to a customer, with a due time.</summary>
public interface ITicketService
{
    /// <summary>Opens a ticket; its reference (e.g. <c>T-1043</c>) and due time are in the result.</summary>
    Task<Ticket> CreateAsync(TicketRequest request, CancellationToken cancellationToken = default);

    /// <summary>The ticket with <paramref name="reference"/> (<c>T-1042</c>, case-insensitive; a bare number works too), or null.</summary>
    Task<Ticket?> GetAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the ticket resolved with <paramref name="resolution"/> and returns it; null when there is no
    /// such ticket. Resolving a resolved ticket changes nothing and returns it as it is.
    /// </summary>
    Task<Ticket?> ResolveAsync(string reference, string resolution, CancellationToken cancellationToken = default);

    /// <summary>The customer's open tickets, oldest first.</summary>
    Task<IReadOnlyList<Ticket>> ListOpenForCustomerAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The customer's resolved tickets, newest resolution first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Ticket>> ListResolvedForCustomerAsync(string customerId, int limit = 10, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tickets resolved at or after <paramref name="since"/>, oldest resolution first; a follow-up loop
    /// polls this to tell customers their issue is done and ask how it went.
    /// </summary>
    Task<IReadOnlyList<Ticket>> ListResolvedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
