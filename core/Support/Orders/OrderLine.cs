namespace SupportBot.Core.Support.Orders;

/// <summary>One product line of an order.</summary>
/// <param name="Sku">The product code, e.g. <c>AF-TAB-10</c>.</param>
/// <param name="Name">The product name as sold.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPrice">Price of one, as paid.</param>
public sealed record OrderLine(string Sku, string Name, int Quantity, decimal UnitPrice);
