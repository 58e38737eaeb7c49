namespace SupportBot.Core.Support.Refunds;

/// <summary>A refund the customer asked for.</summary>
/// <param name="OrderNumber">The order to refund against.</param>
/// <param name="Amount">How much, in the order's currency.</param>
/// <param name="Reason">Why, in a sentence (e.g. "arrived with a cracked screen").</param>
/// <param name="CustomerId">The verified customer, if known.</param>
public sealed record RefundRequest(string OrderNumber, decimal Amount, string Reason, string? CustomerId = null);
