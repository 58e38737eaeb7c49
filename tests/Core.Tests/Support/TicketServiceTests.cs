using SupportBot.Core.Support.Tickets;

namespace SupportBot.Core.Tests.Support;

public sealed class TicketServiceTests : IDisposable
{
    private readonly SupportTestContext _context = new();

    private ITicketService Tickets => _context.Services.Tickets;

    [Fact]
    public async Task CreateAsync_NewTicket_GetsNextReferenceAndDueTimeFromSla()
    {
        var ticket = await Tickets.CreateAsync(new TicketRequest("damaged", "Replace the cracked tablet.", TimeSpan.FromHours(48), "C-1001", "4411", "webchat"));

        Assert.Equal("T-1043", ticket.Reference);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(SupportTestContext.Start, ticket.CreatedAt);
        Assert.Equal(SupportTestContext.Start.AddHours(48), ticket.DueAt);
        Assert.Equal("4411", ticket.OrderNumber);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public async Task GetAsync_CreatedTicket_ReturnsIt()
    {
        var created = await Tickets.CreateAsync(new TicketRequest("callback", "Call back about billing.", TimeSpan.FromHours(4)));

        Assert.Equal(created, await Tickets.GetAsync(created.Reference));
        Assert.Equal(created, await Tickets.GetAsync(created.Reference.ToLowerInvariant()));
        Assert.Equal(created, await Tickets.GetAsync(created.Reference["T-".Length..]));
    }

    [Theory]
    [InlineData("T-9999")]
    [InlineData("nonsense")]
    [InlineData("")]
    [InlineData("T-")]
    [InlineData("T-1042; DROP TABLE support_tickets")]
    public async Task GetAsync_UnknownReference_ReturnsNull(string reference)
    {
        Assert.Null(await Tickets.GetAsync(reference));
    }

    [Fact]
    public async Task ResolveAsync_OpenTicket_RecordsTimeAndResolution()
    {
        var created = await Tickets.CreateAsync(new TicketRequest("damaged", "Replace it.", TimeSpan.FromDays(2), "C-1001"));
        _context.Time.Advance(TimeSpan.FromHours(5));

        var resolved = await Tickets.ResolveAsync(created.Reference, "Replacement delivered.");

        Assert.NotNull(resolved);
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.Equal(SupportTestContext.Start.AddHours(5), resolved.ResolvedAt);
        Assert.Equal("Replacement delivered.", resolved.Resolution);
        Assert.Equal(resolved, await Tickets.GetAsync(created.Reference));
    }

    [Fact]
    public async Task ResolveAsync_AlreadyResolved_KeepsTheFirstResolution()
    {
        var created = await Tickets.CreateAsync(new TicketRequest("damaged", "Replace it.", TimeSpan.FromDays(2)));
        var first = await Tickets.ResolveAsync(created.Reference, "Done.");
        _context.Time.Advance(TimeSpan.FromHours(1));

        var second = await Tickets.ResolveAsync(created.Reference, "Done again.");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ResolveAsync_UnknownTicket_ReturnsNull()
    {
        Assert.Null(await Tickets.ResolveAsync("T-9999", "Done."));
    }

    [Fact]
    public async Task ListOpenForCustomerAsync_SeededAndNewTickets_ListsOnlyOpenOnesOldestFirst()
    {
        var created = await Tickets.CreateAsync(new TicketRequest("damaged", "Replace it.", TimeSpan.FromDays(2), "C-1001"));
        var other = await Tickets.CreateAsync(new TicketRequest("callback", "Call.", TimeSpan.FromHours(4), "C-1001"));
        await Tickets.ResolveAsync(other.Reference, "Called.");

        var open = await Tickets.ListOpenForCustomerAsync("C-1001");

        Assert.Equal(["T-1042", created.Reference], open.Select(t => t.Reference));
    }

    [Fact]
    public async Task ListResolvedSinceAsync_ResolvedAfterMark_ListsThemForFollowUp()
    {
        var mark = _context.Time.GetUtcNow();
        _context.Time.Advance(TimeSpan.FromMinutes(1));
        await Tickets.ResolveAsync("T-1042", "Mug set delivered.");

        var resolved = await Tickets.ListResolvedSinceAsync(mark);

        var ticket = Assert.Single(resolved);
        Assert.Equal("T-1042", ticket.Reference);
        Assert.Equal("webchat", ticket.Channel);
    }

    [Fact]
    public async Task ListResolvedForCustomerAsync_SeveralResolved_NewestFirstOnlyTheirsUpToLimit()
    {
        var older = await Tickets.CreateAsync(new TicketRequest("callback", "Call.", TimeSpan.FromHours(4), "C-1001"));
        await Tickets.ResolveAsync(older.Reference, "Called.");
        _context.Time.Advance(TimeSpan.FromMinutes(1));
        await Tickets.ResolveAsync("T-1042", "Mug set delivered.");
        await Tickets.CreateAsync(new TicketRequest("damaged", "Still open.", TimeSpan.FromDays(2), "C-1001"));

        var resolved = await Tickets.ListResolvedForCustomerAsync("C-1001");
        var limited = await Tickets.ListResolvedForCustomerAsync("C-1001", limit: 1);

        Assert.Equal(["T-1042", older.Reference], resolved.Select(t => t.Reference));
        Assert.Equal(["T-1042"], limited.Select(t => t.Reference));
        Assert.Empty(await Tickets.ListResolvedForCustomerAsync("C-1003"));
        Assert.Equal(["T-1040"], (await Tickets.ListResolvedForCustomerAsync("C-1004")).Select(t => t.Reference));
    }

    [Fact]
    public async Task CreateAsync_AfterReopen_KeepsNumbering()
    {
        await Tickets.CreateAsync(new TicketRequest("damaged", "One.", TimeSpan.FromDays(1)));
        using var reopened = _context.Open();

        var next = await reopened.Tickets.CreateAsync(new TicketRequest("damaged", "Two.", TimeSpan.FromDays(1)));

        Assert.Equal("T-1044", next.Reference);
    }

    public void Dispose() => _context.Dispose();
}
