using Microsoft.SemanticKernel;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Refunds;
using SupportBot.Core.Support.Tickets;
using SupportBot.Dialogs.Plugins;

namespace SupportBot.Dialogs.Heap.Actions;

/// <summary>
/// <see cref="ISupportActions"/> over the support plugins (<c>KnowledgeBase</c>, <c>Orders</c>, <c>Tickets</c>,
/// <c>Refunds</c>, <c>Customers</c>), invoked through a <see cref="Kernel"/> with the typed calls of
/// <see cref="SupportKernelExtensions"/>: the function is fixed by the code, customer text is only ever an argument.
/// </summary>
public sealed class KernelSupportActions(Kernel kernel) : ISupportActions
{
    /// <inheritdoc />
    public async Task<KnowledgeHit?> SearchKnowledgeAsync(string question, CancellationToken cancellationToken = default) =>
        await kernel.SearchKnowledgeAsync(question, cancellationToken).ConfigureAwait(false) is { IsConfident: true } answer
            ? new KnowledgeHit(answer.Title, answer.Answer, answer.Slug)
            : null;

    /// <inheritdoc />
    public async Task<OrderSummary?> GetOrderAsync(string orderNumber, CancellationToken cancellationToken = default) =>
        await kernel.GetOrderStatusAsync(orderNumber, cancellationToken).ConfigureAwait(false) is { } order
            ? new OrderSummary(order.OrderNumber, order.CustomerId, order.State.ToString(), order.PlacedAt, order.Total)
            : null;

    /// <inheritdoc />
    public async Task<string> CreateTicketAsync(NewTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var request = new TicketRequest(ticket.IssueType, ticket.Subject, TimeSpan.FromHours(ticket.SlaHours), ticket.CustomerId, ticket.OrderNumber, ticket.Channel);
        return (await kernel.CreateTicketAsync(request, cancellationToken).ConfigureAwait(false)).Reference;
    }

    /// <inheritdoc />
    public async Task<TicketSummary?> GetTicketAsync(string ticketId, CancellationToken cancellationToken = default) =>
        await kernel.GetTicketAsync(ticketId, cancellationToken).ConfigureAwait(false) is { } ticket ? Summary(ticket) : null;

    /// <inheritdoc />
    public Task ResolveTicketAsync(string ticketId, string resolution, CancellationToken cancellationToken = default) =>
        kernel.ResolveTicketAsync(ticketId, resolution, cancellationToken);

    /// <inheritdoc />
    public async Task<RefundOutcome> RequestRefundAsync(string? orderNumber, decimal? amount, decimal limit, string reason, string? customerId, CancellationToken cancellationToken = default)
    {
        if (orderNumber is null)
        {
            return new RefundOutcome(false, null, amount, "no order number");
        }

        // Only the order's own (channel-verified) customer gets a refund requested on the spot.
        var order = await kernel.GetOrderStatusAsync(orderNumber, cancellationToken).ConfigureAwait(false);
        if (order is null || customerId is null || order.CustomerId != customerId)
        {
            return new RefundOutcome(false, null, amount, "order not verified for this customer");
        }

        var value = Math.Min(amount ?? order.Total, limit);
        var result = await kernel.RequestRefundAsync(new RefundRequest(orderNumber, value, reason, customerId), cancellationToken).ConfigureAwait(false);
        return new RefundOutcome(result.Accepted, result.Reference, result.Amount, result.Message);
    }

    /// <inheritdoc />
    public async Task<CustomerSummary?> LookupCustomerAsync(string channelId, string channelUserId, CancellationToken cancellationToken = default) =>
        await kernel.LookupCustomerAsync(new ChannelIdentity(channelId, channelUserId), cancellationToken).ConfigureAwait(false) is { } customer
            ? new CustomerSummary(customer.CustomerId, customer.FirstName, customer.OpenTickets.Select(Summary).ToList())
            : null;

    private static TicketSummary Summary(Ticket ticket) => new(ticket.Reference, ticket.Summary, ticket.Status.ToString());
}
