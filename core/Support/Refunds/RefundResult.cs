namespace SupportBot.Core.Support.Refunds;

/// <summary>The outcome of a refund request.</summary>
/// <param name="Status">Accepted, or why not.</param>
/// <param name="Reference">The refund's reference (e.g. <c>R-5001</c>) when accepted; otherwise null.</param>
/// <param name="OrderNumber">The order it was requested against.</param>
/// <param name="Amount">The amount asked for.</param>
/// <param name="MaxAllowed">
/// The most that could have been accepted: the lesser of the policy limit and what is left to refund
/// on the order (0 for an unknown order).
/// </param>
/// <param name="Currency">The order's currency, e.g. <c>GBP</c> (null for an unknown order).</param>
/// <param name="RequestedAt">When the request was recorded (or rejected), UTC.</param>
/// <param name="Message">One plain sentence for logs and agents saying what happened.</param>
public sealed record RefundResult(
    RefundStatus Status,
    string? Reference,
    string OrderNumber,
    decimal Amount,
    decimal MaxAllowed,
    string? Currency,
    DateTimeOffset RequestedAt,
    string Message)
{
    /// <summary>Whether the refund was recorded.</summary>
    public bool Accepted => Status == RefundStatus.Accepted;
}
