using SupportBot.Core.Support.Stock;

namespace SupportBot.Core.Tests.Support;

public sealed class StockServiceTests : IDisposable
{
    private readonly SupportTestContext _context = new();

    private IStockService Stock => _context.Services.Stock;

    [Theory]
    [InlineData("AF-KET-17", "MAN")]
    [InlineData("af-ket-17", "Manchester")]
    [InlineData("kettle", "manchester market street")]
    [InlineData("glass kettles", "the Manchester shop")]
    public async Task CheckStockAsync_ItemOnShelf_ReportsQuantity(string item, string store)
    {
        var check = await Stock.CheckStockAsync(item, store);

        Assert.Equal(StockCheckStatus.InStock, check.Status);
        Assert.Equal("AF-KET-17", check.Sku);
        Assert.Equal("MAN", check.Store?.Id);
        Assert.Equal(6, check.Quantity);
        Assert.True(check.OnShelf);
    }

    [Fact]
    public async Task CheckStockAsync_OutOfStock_GivesNextDelivery()
    {
        var check = await Stock.CheckStockAsync("kettle", "Leeds");

        Assert.Equal(StockCheckStatus.OutOfStock, check.Status);
        Assert.False(check.OnShelf);
        Assert.Equal(SupportTestContext.Start.AddDays(2), check.NextDelivery);
    }

    [Fact]
    public async Task CheckStockAsync_InStockButNotOnDisplay_IsNotOnShelf()
    {
        var check = await Stock.CheckStockAsync("AF-SPK-MINI", "LDS");

        Assert.Equal(StockCheckStatus.InStock, check.Status);
        Assert.Equal(3, check.Quantity);
        Assert.False(check.OnShelf);
    }

    [Fact]
    public async Task CheckStockAsync_NotStockedAtShop_IsOutOfStockWithoutDate()
    {
        var check = await Stock.CheckStockAsync("AF-DUV-KING", "BRS");

        Assert.Equal(StockCheckStatus.OutOfStock, check.Status);
        Assert.Null(check.NextDelivery);
    }

    [Theory]
    [InlineData("hovercraft")]
    [InlineData("")]
    [InlineData("*")]
    public async Task CheckStockAsync_UnknownItem_SaysSo(string item)
    {
        var check = await Stock.CheckStockAsync(item, "LON");

        Assert.Equal(StockCheckStatus.UnknownItem, check.Status);
        Assert.Equal("LON", check.Store?.Id);
    }

    [Theory]
    [InlineData("Paris")]
    [InlineData("")]
    public async Task CheckStockAsync_UnknownStore_SaysSo(string store)
    {
        Assert.Equal(StockCheckStatus.UnknownStore, (await Stock.CheckStockAsync("kettle", store)).Status);
    }

    [Fact]
    public async Task ListStoresAsync_Seeded_ReturnsFourShopsWithHours()
    {
        var stores = await Stock.ListStoresAsync();

        Assert.Equal(["BRS", "LDS", "LON", "MAN"], stores.Select(s => s.Id));
        Assert.Contains("Sunday 10:30–16:30", stores.Single(s => s.Id == "LDS").OpeningHours);
    }

    public void Dispose() => _context.Dispose();
}
