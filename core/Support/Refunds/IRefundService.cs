namespace SupportBot.Core.Support.Refunds;

/// <summary>Refund requests against orders, within a limit the caller's policy sets.</summary>
public interface IRefundService
{
    /// <summary>
    /// Records a refund request when the amount is positive, at most <paramref name="maxAmount"/> (the
    /// service policy's limit, never a number taken from the customer) and at most what is left to refund
    /// on the order. Otherwise nothing is recorded and <see cref="RefundResult.Status"/> says why. Never
    /// throws for an unknown order.
    /// </summary>
    Task<RefundResult> RequestAsync(RefundRequest request, decimal maxAmount, CancellationToken cancellationToken = default);

    /// <summary>The refund with <paramref name="reference"/> (e.g. <c>R-5001</c>), or null.</summary>
    Task<Refund?> GetAsync(string reference, CancellationToken cancellationToken = default);
}
