namespace SupportBot.Core.Support.Refunds;

/// <summary>Outcome of <see cref="IRefundService.RequestAsync"/>.</summary>
public enum RefundStatus
{
    /// <summary>Recorded; money goes back to the original payment method (see the refunds article for timing).</summary>
    Accepted,

    /// <summary>More than the policy limit the caller passed; a person must approve it.</summary>
    OverLimit,

    /// <summary>More than is left to refund on the order (its total less earlier refunds).</summary>
    ExceedsOrderBalance,

    /// <summary>No order with that number.</summary>
    UnknownOrder,

    /// <summary>Zero or negative amount.</summary>
    InvalidAmount,
}
