namespace SupportBot.Core.Support.Refunds;

/// <summary>A recorded refund.</summary>
/// <param name="Reference">E.g. <c>R-5001</c>.</param>
/// <param name="OrderNumber">The order refunded against.</param>
/// <param name="CustomerId">The customer, if known.</param>
/// <param name="Amount">How much.</param>
/// <param name="Currency">The order's currency, e.g. <c>GBP</c>.</param>
/// <param name="Reason">Why.</param>
/// <param name="RequestedAt">When it was recorded, UTC.</param>
public sealed record Refund(string Reference, string OrderNumber, string? CustomerId, decimal Amount, string? Currency, string Reason, DateTimeOffset RequestedAt);
