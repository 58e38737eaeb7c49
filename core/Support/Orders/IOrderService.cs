namespace SupportBot.Core.Support.Orders;

/// <summary>The order system: what was ordered, when, and where the delivery is.</summary>
public interface IOrderService
{
    /// <summary>
    /// The order with <paramref name="orderNumber"/> (e.g. <c>4411</c>; a leading <c>#</c> is ignored), or
    /// <see langword="null"/> when there is none. Never throws for an unknown or malformed number.
    /// The caller decides whether the asker may see it (compare <see cref="OrderStatus.CustomerId"/> with
    /// the verified customer before showing details).
    /// </summary>
    Task<OrderStatus?> GetStatusAsync(string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>The customer's orders, newest first.</summary>
    Task<IReadOnlyList<OrderStatus>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken = default);
}
