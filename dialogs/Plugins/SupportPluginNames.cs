namespace SupportBot.Dialogs.Plugins;

/// <summary>Names of the support plugins in the <c>Kernel</c>, for <c>kernel.InvokeAsync(plugin, function, …)</c>.</summary>
public static class SupportPluginNames
{
    /// <summary><see cref="KnowledgeBasePlugin"/>: <c>Search</c>.</summary>
    public const string KnowledgeBase = "KnowledgeBase";

    /// <summary><see cref="OrdersPlugin"/>: <c>GetStatus</c>, <c>CheckStock</c>.</summary>
    public const string Orders = "Orders";

    /// <summary><see cref="TicketsPlugin"/>: <c>Create</c>, <c>Get</c>, <c>Resolve</c>.</summary>
    public const string Tickets = "Tickets";

    /// <summary><see cref="RefundsPlugin"/>: <c>Request</c>.</summary>
    public const string Refunds = "Refunds";

    /// <summary><see cref="CustomersPlugin"/>: <c>Lookup</c>.</summary>
    public const string Customers = "Customers";
}

/// <summary>Names of the support plugins' functions.</summary>
public static class SupportFunctionNames
{
    /// <summary><c>KnowledgeBase.Search(question)</c>.</summary>
    public const string Search = "Search";

    /// <summary><c>Orders.GetStatus(orderNumber)</c>.</summary>
    public const string GetStatus = "GetStatus";

    /// <summary><c>Orders.CheckStock(item, store)</c>.</summary>
    public const string CheckStock = "CheckStock";

    /// <summary><c>Tickets.Create(category, summary, resolveWithinHours, customerId?, orderNumber?, channel?)</c>.</summary>
    public const string Create = "Create";

    /// <summary><c>Tickets.Get(reference)</c>.</summary>
    public const string Get = "Get";

    /// <summary><c>Tickets.Resolve(reference, resolution)</c>.</summary>
    public const string Resolve = "Resolve";

    /// <summary><c>Refunds.Request(orderNumber, amount, reason, customerId?)</c>.</summary>
    public const string Request = "Request";

    /// <summary><c>Customers.Lookup(channel, identity)</c>.</summary>
    public const string Lookup = "Lookup";
}
