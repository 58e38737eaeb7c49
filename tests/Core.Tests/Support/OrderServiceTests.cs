using SupportBot.Core.Support.Orders;

namespace SupportBot.Core.Tests.Support;

public sealed class OrderServiceTests : IDisposable
{
    private readonly SupportTestContext _context = new();

    private IOrderService Orders => _context.Services.Orders;

    [Fact]
    public async Task GetStatusAsync_DeliveredOrder_ReturnsLinesAndDates()
    {
        var order = await Orders.GetStatusAsync("4411");

        Assert.NotNull(order);
        Assert.Equal("C-1001", order.CustomerId);
        Assert.Equal(OrderState.Delivered, order.State);
        Assert.Equal(SupportTestContext.Start.AddDays(-1), order.DeliveredAt);
        Assert.Equal(SupportTestContext.Start.AddDays(-4), order.PlacedAt);
        Assert.Equal(["AF-TAB-10", "AF-CASE-10"], order.Lines.Select(l => l.Sku));
        Assert.Equal(253.99m, order.Total);
        Assert.Equal("GBP", order.Currency);
        Assert.NotNull(order.TrackingNumber);
    }

    [Fact]
    public async Task GetStatusAsync_ShippedOrder_HasEstimatedDelivery()
    {
        var order = await Orders.GetStatusAsync("4402");

        Assert.Equal(OrderState.Shipped, order?.State);
        Assert.Equal(SupportTestContext.Start.AddDays(1), order?.EstimatedDelivery);
        Assert.Null(order?.DeliveredAt);
    }

    [Fact]
    public async Task GetStatusAsync_SmallOrder_TotalIncludesDeliveryCharge()
    {
        var order = await Orders.GetStatusAsync("4412");

        Assert.Equal(22m + 3.95m, order?.Total);
    }

    [Theory]
    [InlineData("#4411")]
    [InlineData(" 4411 ")]
    [InlineData("order 4411")]
    public async Task GetStatusAsync_DecoratedNumber_FindsOrder(string number)
    {
        Assert.Equal("4411", (await Orders.GetStatusAsync(number))?.OrderNumber);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'; DROP TABLE support_orders; --")]
    [InlineData("🙂")]
    public async Task GetStatusAsync_UnknownOrder_ReturnsNull(string number)
    {
        Assert.Null(await Orders.GetStatusAsync(number));
    }

    [Fact]
    public async Task GetStatusAsync_FiftyKilobyteNumber_ReturnsNull()
    {
        Assert.Null(await Orders.GetStatusAsync(new string('4', 50 * 1024)));
    }

    [Fact]
    public async Task ListForCustomerAsync_Customer_ReturnsNewestFirst()
    {
        var orders = await Orders.ListForCustomerAsync("C-1001");

        Assert.Equal(["4411", "4398", "4396"], orders.Select(o => o.OrderNumber));
        Assert.All(orders, o => Assert.NotEmpty(o.Lines));
    }

    public void Dispose() => _context.Dispose();
}
