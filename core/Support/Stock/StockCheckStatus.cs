namespace SupportBot.Core.Support.Stock;

/// <summary>Outcome of <see cref="IStockService.CheckStockAsync"/>.</summary>
public enum StockCheckStatus
{
    /// <summary>The shop has at least one.</summary>
    InStock,

    /// <summary>The shop has none (see <see cref="StockCheck.NextDelivery"/>).</summary>
    OutOfStock,

    /// <summary>No product matches the item given.</summary>
    UnknownItem,

    /// <summary>No shop matches the store given (see <see cref="IStockService.ListStoresAsync"/>).</summary>
    UnknownStore,
}
