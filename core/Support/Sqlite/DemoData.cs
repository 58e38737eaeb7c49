namespace SupportBot.Core.Support.Sqlite;

/// <summary>The shape of <c>Support/Data/demo-data.json</c>. Times are days relative to the moment of seeding.</summary>
internal sealed record DemoData(
    IReadOnlyList<DemoStore> Stores,
    IReadOnlyList<DemoProduct> Products,
    IReadOnlyList<DemoStock> Stock,
    IReadOnlyList<DemoCustomer> Customers,
    IReadOnlyList<DemoOrder> Orders,
    IReadOnlyList<DemoTicket> Tickets,
    IReadOnlyList<DemoRefund> Refunds,
    decimal DeliveryCharge,
    decimal FreeDeliveryFrom);

internal sealed record DemoStore(string Id, string Name, string City, string Address, IReadOnlyList<string> Hours);

internal sealed record DemoProduct(string Sku, string Name, decimal Price);

internal sealed record DemoStock(string Store, string Sku, int Quantity, bool OnDisplay = true, double? NextDeliveryInDays = null);

internal sealed record DemoIdentity(string Channel, string Id);

internal sealed record DemoCustomer(
    string Id, string Name, string? Email, IReadOnlyList<DemoIdentity> Identities, string? LastOutcome = null, double? LastOutcomeDaysAgo = null);

internal sealed record DemoOrderLine(string Sku, int Quantity);

internal sealed record DemoOrder(
    string Number,
    string Customer,
    string State,
    double PlacedDaysAgo,
    IReadOnlyList<DemoOrderLine> Lines,
    double? ShippedDaysAgo = null,
    double? DeliveryInDays = null,
    double? DeliveredDaysAgo = null,
    string? Carrier = null,
    string? Tracking = null);

internal sealed record DemoTicket(
    int Id,
    string? Customer,
    string Category,
    string Summary,
    double CreatedDaysAgo,
    double DueInDays,
    string? Order = null,
    string? Channel = null,
    double? ResolvedDaysAgo = null,
    string? Resolution = null);

internal sealed record DemoRefund(int Id, string Order, string? Customer, decimal Amount, string Reason, double RequestedDaysAgo);
