namespace SupportBot.Core.Support.Stock;

/// <summary>The answer to "is this item on the shelf at that shop?".</summary>
/// <param name="Status">Whether the item and the shop were found, and whether it is in stock.</param>
/// <param name="Sku">The product matched, if any.</param>
/// <param name="ProductName">The product's name, if matched.</param>
/// <param name="Store">The shop matched, if any.</param>
/// <param name="Quantity">Units in the shop (0 when not stocked or not found).</param>
/// <param name="OnShelf">Whether customers can pick it up from the shelf now (in stock and on display).</param>
/// <param name="NextDelivery">When the shop expects more, if known.</param>
public sealed record StockCheck(
    StockCheckStatus Status,
    string? Sku,
    string? ProductName,
    Store? Store,
    int Quantity,
    bool OnShelf,
    DateTimeOffset? NextDelivery);
