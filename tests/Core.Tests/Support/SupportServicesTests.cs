using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Storage;
using SupportBot.Core.Storage.Sqlite;
using SupportBot.Core.Support;
using SupportBot.Core.Support.Tickets;

namespace SupportBot.Core.Tests.Support;

public sealed class SupportServicesTests
{
    [Fact]
    public async Task OpenFile_SameFileAsBotState_BothWorkSideBySide()
    {
        using var context = new SupportTestContext();
        using var storage = SqliteStorage.Open(new SqliteStorageOptions { FilePath = context.FilePath });

        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["k"] = new(System.Text.Json.JsonSerializer.SerializeToElement(new { n = 1 }), StoreItem.AnyETag),
        });
        var ticket = await context.Services.Tickets.CreateAsync(new TicketRequest("damaged", "Replace.", TimeSpan.FromDays(1)));

        Assert.Single(await storage.ReadAsync(["k"]));
        Assert.Equal(ticket, await context.Services.Tickets.GetAsync(ticket.Reference));
        Assert.Equal("wal", JournalMode(context.FilePath));
    }

    [Fact]
    public async Task OpenFile_BotStateOpenedFirst_AddsSupportTables()
    {
        using var context = new SupportTestContext();
        var path = Path.Combine(context.Folder, "state-first.db");
        using var storage = SqliteStorage.Open(new SqliteStorageOptions { FilePath = path });

        using var support = SupportServices.OpenFile(path, context.Time);

        Assert.NotNull(await support.Orders.GetStatusAsync("4411"));
        Assert.Equal(SqliteMigrations.LatestVersion, storage.SchemaVersion);
    }

    [Fact]
    public async Task OpenFile_Reopened_DoesNotSeedAgainOrLoseChanges()
    {
        using var context = new SupportTestContext();
        await context.Services.Tickets.ResolveAsync("T-1042", "Sent.");
        context.Time.Advance(TimeSpan.FromDays(3));

        using var reopened = context.Open();

        var ticket = await reopened.Tickets.GetAsync("T-1042");
        Assert.Equal(TicketStatus.Resolved, ticket?.Status);
        Assert.Equal(SupportTestContext.Start.AddDays(-1), (await reopened.Orders.GetStatusAsync("4411"))?.DeliveredAt);
    }

    [Fact]
    public async Task OpenFile_SeedSwitchedOff_StartsEmpty()
    {
        using var context = new SupportTestContext();
        using var empty = SupportServices.OpenFile(Path.Combine(context.Folder, "empty.db"), context.Time, new SupportServicesOptions { SeedDemoData = false });

        Assert.Null(await empty.Orders.GetStatusAsync("4411"));
        Assert.Equal("T-1001", (await empty.Tickets.CreateAsync(new TicketRequest("callback", "Call.", TimeSpan.FromHours(4)))).Reference);
    }

    [Fact]
    public async Task OpenInMemory_SharedCache_WorksAndIsPrivatePerName()
    {
        var time = new FakeTimeProvider(SupportTestContext.Start);
        using var first = SupportServices.OpenInMemory(time);
        using var second = SupportServices.OpenInMemory(time);

        var ticket = await first.Tickets.CreateAsync(new TicketRequest("damaged", "Replace.", TimeSpan.FromDays(1)));

        Assert.Equal("T-1043", ticket.Reference);
        Assert.Equal(ticket, await first.Tickets.GetAsync(ticket.Reference));
        Assert.Null(await second.Tickets.GetAsync(ticket.Reference));
        Assert.NotNull(await second.Orders.GetStatusAsync("4411"));
    }

    [Fact]
    public async Task Open_ConnectionString_UsesIt()
    {
        var time = new FakeTimeProvider(SupportTestContext.Start);
        using var keepAlive = new SqliteConnection("Data Source=file:named-support?mode=memory&cache=shared");
        keepAlive.Open();

        using (var support = SupportServices.Open("Data Source=file:named-support?mode=memory&cache=shared", time))
        {
            await support.Tickets.CreateAsync(new TicketRequest("damaged", "Replace.", TimeSpan.FromDays(1)));
        }

        using var again = SupportServices.Open("Data Source=file:named-support?mode=memory&cache=shared", time);
        Assert.NotNull(await again.Tickets.GetAsync("T-1043"));
    }

    [Fact]
    public async Task Services_ConcurrentTicketCreation_GetDistinctReferences()
    {
        using var context = new SupportTestContext();

        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            context.Services.Tickets.CreateAsync(new TicketRequest("callback", $"Call {i}.", TimeSpan.FromHours(4))))));

        Assert.Equal(20, tickets.Select(t => t.Reference).Distinct().Count());
    }

    private static string? JournalMode(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return command.ExecuteScalar() as string;
    }
}
