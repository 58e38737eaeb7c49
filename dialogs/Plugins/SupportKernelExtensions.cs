using Microsoft.SemanticKernel;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Orders;
using SupportBot.Core.Support.Refunds;
using SupportBot.Core.Support.Stock;
using SupportBot.Core.Support.Tickets;

namespace SupportBot.Dialogs.Plugins;

/// <summary>
/// Typed calls to the support functions through the kernel (so filters, telemetry and a future model see
/// the same calls). The function is fixed by the method; customer text travels only as an argument.
/// </summary>
public static class SupportKernelExtensions
{
    /// <summary><c>KnowledgeBase.Search</c>: the confident answer to <paramref name="question"/>, or null.</summary>
    public static Task<KnowledgeAnswer?> SearchKnowledgeAsync(this Kernel kernel, string question, CancellationToken cancellationToken = default) =>
        Invoke<KnowledgeAnswer?>(kernel, SupportPluginNames.KnowledgeBase, SupportFunctionNames.Search, new() { ["question"] = question }, cancellationToken);

    /// <summary><c>Orders.GetStatus</c>: the order, or null for an unknown number.</summary>
    public static Task<OrderStatus?> GetOrderStatusAsync(this Kernel kernel, string orderNumber, CancellationToken cancellationToken = default) =>
        Invoke<OrderStatus?>(kernel, SupportPluginNames.Orders, SupportFunctionNames.GetStatus, new() { ["orderNumber"] = orderNumber }, cancellationToken);

    /// <summary><c>Orders.CheckStock</c>: whether <paramref name="item"/> is on the shelf at <paramref name="store"/>.</summary>
    public static async Task<StockCheck> CheckStockAsync(this Kernel kernel, string item, string store, CancellationToken cancellationToken = default) =>
        await Invoke<StockCheck>(kernel, SupportPluginNames.Orders, SupportFunctionNames.CheckStock, new() { ["item"] = item, ["store"] = store }, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("Orders.CheckStock returned nothing.");

    /// <summary><c>Tickets.Create</c>: opens a ticket due <see cref="TicketRequest.ResolveWithin"/> from now.</summary>
    public static async Task<Ticket> CreateTicketAsync(this Kernel kernel, TicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = new KernelArguments
        {
            ["category"] = request.Category,
            ["summary"] = request.Summary,
            ["resolveWithinHours"] = request.ResolveWithin.TotalHours,
            ["customerId"] = request.CustomerId,
            ["orderNumber"] = request.OrderNumber,
            ["channel"] = request.Channel,
        };
        return await Invoke<Ticket>(kernel, SupportPluginNames.Tickets, SupportFunctionNames.Create, arguments, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Tickets.Create returned nothing.");
    }

    /// <summary><c>Tickets.Get</c>: the ticket, or null.</summary>
    public static Task<Ticket?> GetTicketAsync(this Kernel kernel, string reference, CancellationToken cancellationToken = default) =>
        Invoke<Ticket?>(kernel, SupportPluginNames.Tickets, SupportFunctionNames.Get, new() { ["reference"] = reference }, cancellationToken);

    /// <summary><c>Tickets.Resolve</c>: the resolved ticket, or null.</summary>
    public static Task<Ticket?> ResolveTicketAsync(this Kernel kernel, string reference, string resolution, CancellationToken cancellationToken = default) =>
        Invoke<Ticket?>(kernel, SupportPluginNames.Tickets, SupportFunctionNames.Resolve, new() { ["reference"] = reference, ["resolution"] = resolution }, cancellationToken);

    /// <summary><c>Refunds.Request</c>: the outcome, checked against the policy limit the plugin was built with.</summary>
    public static async Task<RefundResult> RequestRefundAsync(this Kernel kernel, RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = new KernelArguments
        {
            ["orderNumber"] = request.OrderNumber,
            ["amount"] = request.Amount,
            ["reason"] = request.Reason,
            ["customerId"] = request.CustomerId,
        };
        return await Invoke<RefundResult>(kernel, SupportPluginNames.Refunds, SupportFunctionNames.Request, arguments, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Refunds.Request returned nothing.");
    }

    /// <summary><c>Customers.Lookup</c>: the customer behind a channel-vouched identity, or null.</summary>
    public static Task<CustomerProfile?> LookupCustomerAsync(this Kernel kernel, ChannelIdentity identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Invoke<CustomerProfile?>(kernel, SupportPluginNames.Customers, SupportFunctionNames.Lookup, new() { ["channel"] = identity.Channel, ["identity"] = identity.Id }, cancellationToken);
    }

    private static Task<T?> Invoke<T>(Kernel kernel, string plugin, string function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.InvokeAsync<T>(plugin, function, arguments, cancellationToken);
    }
}
