namespace SupportBot.Core.Support.Orders;

/// <summary>An order with its lines and delivery progress. Times are UTC.</summary>
/// <param name="OrderNumber">The number customers quote, e.g. <c>4411</c>.</param>
/// <param name="CustomerId">The customer who placed it, e.g. <c>C-1001</c>.</param>
/// <param name="State">Where the order is in its life.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="ShippedAt">When it left the warehouse, if it has.</param>
/// <param name="EstimatedDelivery">The delivery date promised, if shipped and not yet delivered.</param>
/// <param name="DeliveredAt">When the courier delivered it, if delivered.</param>
/// <param name="Carrier">The courier, if shipped.</param>
/// <param name="TrackingNumber">The courier's tracking number, if shipped.</param>
/// <param name="Total">What the customer paid, including delivery.</param>
/// <param name="Currency">ISO 4217 code, e.g. <c>GBP</c>.</param>
/// <param name="Lines">What was ordered.</param>
public sealed record OrderStatus(
    string OrderNumber,
    string CustomerId,
    OrderState State,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? EstimatedDelivery,
    DateTimeOffset? DeliveredAt,
    string? Carrier,
    string? TrackingNumber,
    decimal Total,
    string Currency,
    IReadOnlyList<OrderLine> Lines);
