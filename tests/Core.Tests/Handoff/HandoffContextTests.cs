using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;

namespace SupportBot.Core.Tests.Handoff;

public sealed class HandoffContextTests
{
    [Fact]
    public async Task InitiateAsync_KnownCustomer_ContextHasIdentitiesOpenAndPastTickets()
    {
        using var support = SupportServices.OpenInMemory(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        using var harness = new HandoffHarness(null, null, support) { Channel = "console", UserId = "console-sam" };

        await harness.HandOverAsync("sam-1");
        await support.Tickets.ResolveAsync("T-1042", "Mug set sent.");
        await harness.Service.ReturnToBotAsync(harness.LastInitiation!.Case.Id, HandoffHarness.Ana);
        await harness.HandOverAsync("sam-1");

        var first = (await harness.Service.GetAsync("H-1001"))!.Context.Customer;
        var second = (await harness.Service.GetAsync("H-1002"))!.Context.Customer;
        Assert.Equal("C-1001", first.CustomerId);
        Assert.Equal(new CustomerIdentity("console", "console-sam"), first.Identities[0]);
        Assert.Contains(new CustomerIdentity("email", "sam.rivera@example.com"), first.Identities);
        Assert.Contains(new CustomerIdentity("x", "samrivera"), first.Identities);
        Assert.Equal("T-1042", Assert.Single(first.OpenTickets).Reference);
        Assert.Empty(second.OpenTickets);
        Assert.Equal("T-1042", Assert.Single(second.PastTickets).Reference);
    }

    [Fact]
    public async Task InitiateAsync_UnknownCustomer_ChannelIdentityOnly()
    {
        using var support = SupportServices.OpenInMemory(new FakeTimeProvider());
        using var harness = new HandoffHarness(null, null, support);

        var handoffCase = await harness.HandOverAsync();

        var customer = handoffCase.Context.Customer;
        Assert.Null(customer.CustomerId);
        Assert.Equal([new CustomerIdentity("test", "user-1")], customer.Identities);
        Assert.Equal("Sam", customer.Name);
    }

    [Fact]
    public async Task InitiateAsync_TurnFailedAfterHandingOver_NextRequestKeepsTheSameCase()
    {
        using var harness = new HandoffHarness();
        await harness.SayAsync("person please, then fail");
        await harness.Hub.WaitForAsync(1);
        var first = harness.LastInitiation!.Case;

        await harness.SayAsync("person please");

        Assert.True(harness.LastInitiation!.AlreadyActive);
        Assert.Equal(first.Id, harness.LastInitiation.Case.Id);
        Assert.Single(await harness.Service.ListAsync());
        var routed = await harness.SayAsync("hello?");
        await harness.Hub.WaitForAsync(2);
        Assert.Equal("customer", harness.Hub.Heard.Last().Kind); // the flag is back: messages go to the agents
        Assert.DoesNotContain(routed, a => a.Text == "bot: hello?");
    }
}
