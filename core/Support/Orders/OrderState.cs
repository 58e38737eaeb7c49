namespace SupportBot.Core.Support.Orders;

/// <summary>Where an order is in its life.</summary>
public enum OrderState
{
    /// <summary>Paid, not yet packed; can still be changed or cancelled.</summary>
    Placed,

    /// <summary>Packed at the warehouse, waiting for the courier.</summary>
    Packed,

    /// <summary>With the courier.</summary>
    Shipped,

    /// <summary>Delivered to the customer (or marked so by the courier).</summary>
    Delivered,

    /// <summary>Cancelled before dispatch.</summary>
    Cancelled,

    /// <summary>Sent back by the customer and received.</summary>
    Returned,
}
