using System.ComponentModel;
using Microsoft.SemanticKernel;
using SupportBot.Core.Support.Orders;
using SupportBot.Core.Support.Stock;

namespace SupportBot.Dialogs.Plugins;

/// <summary>Orders and shop stock as a Semantic Kernel plugin (<see cref="SupportPluginNames.Orders"/>).</summary>
public sealed class OrdersPlugin(IOrderService orders, IStockService stock)
{
    /// <summary>The order's status, lines and delivery dates, or null for an unknown number.</summary>
    [KernelFunction(SupportFunctionNames.GetStatus)]
    [Description("Gets an order's status, items and delivery dates by order number; returns null when there is no such order. Check the order's customer before sharing details.")]
    public Task<OrderStatus?> GetStatusAsync(
        [Description("The order number, e.g. 4411.")] string orderNumber,
        CancellationToken cancellationToken = default) =>
        orders.GetStatusAsync(orderNumber, cancellationToken);

    /// <summary>Whether <paramref name="item"/> is on the shelf at <paramref name="store"/>.</summary>
    [KernelFunction(SupportFunctionNames.CheckStock)]
    [Description("Checks whether an item is in stock and on the shelf at a given shop.")]
    public Task<StockCheck> CheckStockAsync(
        [Description("The product code (e.g. AF-KET-17) or words of the product name (e.g. glass kettle).")] string item,
        [Description("The shop: its code (MAN, LDS, BRS, LON), city or name.")] string store,
        CancellationToken cancellationToken = default) =>
        stock.CheckStockAsync(item, store, cancellationToken);
}
