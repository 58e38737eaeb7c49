using SupportBot.Core.Support.Refunds;

namespace SupportBot.Core.Tests.Support;

public sealed class RefundServiceTests : IDisposable
{
    private readonly SupportTestContext _context = new();

    private IRefundService Refunds => _context.Services.Refunds;

    [Fact]
    public async Task RequestAsync_WithinLimit_AcceptsWithReference()
    {
        var result = await Refunds.RequestAsync(new RefundRequest("4411", 50m, "Cracked screen, goodwill.", "C-1001"), maxAmount: 100m);

        Assert.Equal(RefundStatus.Accepted, result.Status);
        Assert.True(result.Accepted);
        Assert.Equal("R-5002", result.Reference);
        Assert.Equal("GBP", result.Currency);
        Assert.Equal(SupportTestContext.Start, result.RequestedAt);
        Assert.Equal(
            new Refund("R-5002", "4411", "C-1001", 50m, "GBP", "Cracked screen, goodwill.", SupportTestContext.Start),
            await Refunds.GetAsync("r-5002"));
    }

    [Fact]
    public async Task RequestAsync_OverPolicyLimit_RejectsWithoutRecording()
    {
        var result = await Refunds.RequestAsync(new RefundRequest("4411", 253.99m, "Full refund."), maxAmount: 100m);

        Assert.Equal(RefundStatus.OverLimit, result.Status);
        Assert.Null(result.Reference);
        Assert.Equal(100m, result.MaxAllowed);
        Assert.Contains("limit", result.Message);
        Assert.Equal("R-5002", (await Refunds.RequestAsync(new RefundRequest("4411", 10m, "Goodwill."), 100m)).Reference);
    }

    [Fact]
    public async Task RequestAsync_AtExactlyTheLimit_Accepts()
    {
        var result = await Refunds.RequestAsync(new RefundRequest("4411", 100m, "Goodwill."), maxAmount: 100m);

        Assert.True(result.Accepted);
    }

    [Fact]
    public async Task RequestAsync_MoreThanLeftOnOrder_RejectsWithBalance()
    {
        await Refunds.RequestAsync(new RefundRequest("4402", 60m, "Part refund."), maxAmount: 500m);

        var result = await Refunds.RequestAsync(new RefundRequest("4402", 60m, "Again."), maxAmount: 500m);

        Assert.Equal(RefundStatus.ExceedsOrderBalance, result.Status);
        Assert.Equal(29m, result.MaxAllowed);
    }

    [Fact]
    public async Task RequestAsync_AlreadyFullyRefundedOrder_Rejects()
    {
        var result = await Refunds.RequestAsync(new RefundRequest("4385", 10m, "Again."), maxAmount: 500m);

        Assert.Equal(RefundStatus.ExceedsOrderBalance, result.Status);
        Assert.Equal(0m, result.MaxAllowed);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("")]
    [InlineData("not an order")]
    public async Task RequestAsync_UnknownOrder_RejectsWithoutThrowing(string orderNumber)
    {
        var result = await Refunds.RequestAsync(new RefundRequest(orderNumber, 10m, "Why not."), maxAmount: 100m);

        Assert.Equal(RefundStatus.UnknownOrder, result.Status);
        Assert.Null(result.Reference);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task RequestAsync_NonPositiveAmount_Rejects(int amount)
    {
        var result = await Refunds.RequestAsync(new RefundRequest("4411", amount, "Odd."), maxAmount: 100m);

        Assert.Equal(RefundStatus.InvalidAmount, result.Status);
    }

    [Fact]
    public async Task GetAsync_UnknownReference_ReturnsNull()
    {
        Assert.Null(await Refunds.GetAsync("R-9999"));
        Assert.Null(await Refunds.GetAsync("whatever"));
    }

    public void Dispose() => _context.Dispose();
}
