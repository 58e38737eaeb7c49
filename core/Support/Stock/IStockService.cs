namespace SupportBot.Core.Support.Stock;

/// <summary>Shop stock: whether an item is on the shelf of a given shop.</summary>
public interface IStockService
{
    /// <summary>
    /// Stock of <paramref name="item"/> (a SKU such as <c>AF-KET-17</c>, or words of the product name such as
    /// "kettle") at <paramref name="store"/> (a store id such as <c>MAN</c>, its city or its name). Never
    /// throws for unknown input: the result's <see cref="StockCheck.Status"/> says what was not found.
    /// </summary>
    Task<StockCheck> CheckStockAsync(string item, string store, CancellationToken cancellationToken = default);

    /// <summary>All shops with their addresses and opening hours.</summary>
    Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default);
}
