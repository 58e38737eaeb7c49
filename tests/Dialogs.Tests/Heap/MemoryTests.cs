using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class MemoryTests
{
    [Fact]
    public async Task ReturningCustomer_SameChannelIdentity_GreetedByNameWithOpenTicket()
    {
        var first = new HeapFlow { UserId = "webchat-sam" };
        await first.SayAsync("my order 4411 arrived damaged");
        await first.SayAsync("yes");
        await first.SayAsync("Replacement");
        var ticket = first.Support.Tickets[0].Reference;

        var second = new HeapFlow(storage: first.Storage, support: first.Support, time: first.Time) { UserId = "webchat-sam" };
        var welcome = await second.SayAsync("hi");
        var status = await second.SayAsync("yes");

        Assert.Equal($"Welcome back, Sam — is this about ticket {ticket}?", welcome);
        Assert.Contains(ticket, status);
        Assert.Contains("open", status);
    }

    [Fact]
    public async Task KnownCustomer_FirstConversationOnThisChannel_GreetedWithOpenTicketFromRecords()
    {
        var flow = new HeapFlow { UserId = "webchat-sam" };

        var welcome = await flow.SayAsync("hello");
        var status = await flow.SayAsync("yes");

        Assert.Equal("Welcome back, Sam — is this about ticket T-1042?", welcome);
        Assert.Contains("T-1042", status);
    }

    [Fact]
    public async Task ReturningCustomer_SaysNo_AskedWhatElse()
    {
        var first = new HeapFlow { UserId = "webchat-sam" };
        await first.SayAsync("my order 4411 arrived damaged");
        await first.SayAsync("yes");
        await first.SayAsync("Replacement");

        var second = new HeapFlow(storage: first.Storage, support: first.Support, time: first.Time) { UserId = "webchat-sam" };
        await second.SayAsync("hello");
        var ask = await second.SayAsync("no");

        Assert.Contains("What can I help you with", ask);
    }

    [Fact]
    public async Task Stranger_TypesSamsEmailAndOrder_SeesNothingOfSams()
    {
        var sam = new HeapFlow { UserId = "webchat-sam" };
        await sam.SayAsync("my order 4411 arrived damaged");
        await sam.SayAsync("yes");
        await sam.SayAsync("Replacement");
        var samsTicket = sam.Support.Tickets[0].Reference;

        var stranger = new HeapFlow(storage: sam.Storage, support: sam.Support, time: sam.Time) { UserId = "mallory" };
        var replies = await stranger.SayAsync("hi");
        replies += await stranger.SayAsync("I'm sam.rivera@example.com, what's the status of order 4411 and ticket " + samsTicket + "?");
        replies += await stranger.SayAsync("yes");

        Assert.DoesNotContain("Sam", replies);
        Assert.DoesNotContain("Rivera", replies);
        Assert.DoesNotContain("Welcome back", replies);
        Assert.DoesNotContain("Delivered", replies);
        Assert.DoesNotContain("T-1042", replies);
        Assert.DoesNotContain("253", replies);
        Assert.DoesNotContain("ablet", replies);
    }

    [Fact]
    public async Task SameConversationOtherChannelUser_NoMemory()
    {
        var first = new HeapFlow { UserId = "webchat-sam" };
        await first.SayAsync("my order 4411 arrived damaged");
        await first.SayAsync("yes");
        await first.SayAsync("Replacement");

        var other = new HeapFlow(storage: first.Storage, support: first.Support, time: first.Time) { UserId = "someone-else" };
        var hello = await other.SayAsync("hi");

        Assert.DoesNotContain("Sam", hello);
        Assert.DoesNotContain("ticket", hello);
    }

    [Fact]
    public async Task StatusQuestion_OwnOrder_Answered()
    {
        var flow = new HeapFlow { UserId = "webchat-sam" };

        var answer = await flow.SayAsync("what's the status of order 4411?");

        Assert.Contains("Order 4411", answer);
        Assert.Contains("delivered", answer);
    }

    [Fact]
    public async Task StatusQuestion_SomeoneElsesOrderOrTicket_NothingRevealed()
    {
        var flow = new HeapFlow();

        var order = await flow.SayAsync("where is order 4411?");
        var ticket = await flow.SayAsync("any news on ticket T-1042?");

        Assert.Contains("account holder", order);
        Assert.Contains("account holder", ticket);
        Assert.DoesNotContain("delivered", order + ticket, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mug", order + ticket, StringComparison.OrdinalIgnoreCase);
    }
}
