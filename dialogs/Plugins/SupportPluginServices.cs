using SupportBot.Core.Knowledge;
using SupportBot.Core.Support;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Orders;
using SupportBot.Core.Support.Refunds;
using SupportBot.Core.Support.Stock;
using SupportBot.Core.Support.Tickets;

namespace SupportBot.Dialogs.Plugins;

/// <summary>The backends the support plugins adapt, and the policy's refund limit.</summary>
/// <param name="KnowledgeBase">Article search.</param>
/// <param name="Orders">Order status.</param>
/// <param name="Stock">Shop stock.</param>
/// <param name="Tickets">Tickets.</param>
/// <param name="Refunds">Refund requests.</param>
/// <param name="Customers">Customer memory.</param>
/// <param name="RefundLimit">The policy's current refund limit, read on every refund request.</param>
public sealed record SupportPluginServices(
    IKnowledgeBase KnowledgeBase,
    IOrderService Orders,
    IStockService Stock,
    ITicketService Tickets,
    IRefundService Refunds,
    ICustomerService Customers,
    Func<decimal> RefundLimit)
{
    /// <summary>The embedded backends of <paramref name="support"/> with <paramref name="knowledgeBase"/>.</summary>
    public static SupportPluginServices From(IKnowledgeBase knowledgeBase, SupportServices support, Func<decimal> refundLimit)
    {
        ArgumentNullException.ThrowIfNull(support);
        return new(knowledgeBase, support.Orders, support.Stock, support.Tickets, support.Refunds, support.Customers, refundLimit);
    }
}
