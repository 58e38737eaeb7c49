using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Hearing;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// "Where is order 4411?" / "What's the status of ticket T-1042?": answered from the business actions, but
/// only for the customer the channel vouches for. Anyone else learns nothing about the order or ticket —
/// not even whether it exists — and is offered a ticket instead.
/// </summary>
internal sealed class StatusAnswers(HeapServices services)
{
    public async Task<string> AnswerAsync(ITurnContext turnContext, CaseFacts facts, CancellationToken cancellationToken)
    {
        var profile = await services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (facts.TicketId is { } ticketId && profile.OpenTickets.Exists(t => string.Equals(t.Id, ticketId, StringComparison.OrdinalIgnoreCase))
            && await services.Actions.GetTicketAsync(ticketId, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            return $"Ticket {ticket.Id}{(ticket.Subject is { } s ? $" ({s})" : string.Empty)} is {ticket.Status.ToLowerInvariant()}. {HeapTexts.AnythingElse}";
        }

        if (facts.OrderNumber is { } orderNumber && profile.CustomerId is { } customerId
            && await services.Actions.GetOrderAsync(orderNumber, cancellationToken).ConfigureAwait(false) is { } order && order.CustomerId == customerId)
        {
            var placed = order.OrderedAt is { } at ? $", placed on {at:d MMMM}" : string.Empty;
            return $"Order {order.OrderNumber}{placed}, is {order.Status?.ToLowerInvariant() ?? "being processed"}. {HeapTexts.AnythingElse}";
        }

        return "For your security I can only share order and ticket details with the account holder, on the channel their account is linked to. "
            + "If something's wrong with an order, tell me what happened and I'll get our team on it.";
    }
}
