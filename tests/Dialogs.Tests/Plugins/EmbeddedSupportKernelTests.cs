using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Support;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Refunds;
using SupportBot.Core.Support.Tickets;
using SupportBot.Dialogs.Plugins;

namespace SupportBot.Dialogs.Tests.Plugins;

/// <summary>The kernel over the real embedded services (in-memory SQLite, the sample articles).</summary>
public sealed class EmbeddedSupportKernelTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly SupportServices _support;
    private readonly LuceneKnowledgeBase _knowledge = LuceneKnowledgeBase.FromEmbeddedSample();

    public EmbeddedSupportKernelTests() => _support = SupportServices.OpenInMemory(_time);

    [Fact]
    public async Task DamagedOrderFlow_ThroughKernel_EndsWithTicketAndRefund()
    {
        var kernel = SupportKernel.Create(SupportPluginServices.From(_knowledge, _support, () => 50m));

        var sam = await kernel.LookupCustomerAsync(new ChannelIdentity("webchat", "webchat-sam"));
        var order = await kernel.GetOrderStatusAsync("4411");
        var article = await kernel.SearchKnowledgeAsync("my tablet arrived with a cracked screen");
        var ticket = await kernel.CreateTicketAsync(new TicketRequest("damaged", "Replace the cracked tablet.", TimeSpan.FromHours(48), sam?.CustomerId, order?.OrderNumber, "webchat"));
        var tooMuch = await kernel.RequestRefundAsync(new RefundRequest("4411", 253.99m, "Cracked screen.", sam?.CustomerId));
        var goodwill = await kernel.RequestRefundAsync(new RefundRequest("4411", 20m, "Goodwill for the trouble.", sam?.CustomerId));

        Assert.Equal("Sam", sam?.FirstName);
        Assert.Equal(sam?.CustomerId, order?.CustomerId);
        Assert.Equal("damaged-or-faulty-item", article?.Slug);
        Assert.Equal("T-1043", ticket.Reference);
        Assert.Equal(_time.GetUtcNow().AddHours(48), ticket.DueAt);
        Assert.Equal(RefundStatus.OverLimit, tooMuch.Status);
        Assert.Equal("R-5002", goodwill.Reference);
    }

    public void Dispose()
    {
        _support.Dispose();
        _knowledge.Dispose();
    }
}
