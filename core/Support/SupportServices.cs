using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage.Sqlite;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Orders;
using SupportBot.Core.Support.Refunds;
using SupportBot.Core.Support.Sqlite;
using SupportBot.Core.Support.Stock;
using SupportBot.Core.Support.Tickets;

namespace SupportBot.Core.Support;

/// <summary>
/// The embedded business backends (orders, stock, tickets, refunds, customers) on one SQLite database,
/// normally the same file as the bot's state. Opening creates the support tables if missing and, unless
/// switched off, seeds the demo data once. Thread-safe; dispose once at shutdown. Each service is also an
/// interface, so a real order or ticket system can replace any of them.
/// </summary>
/// <example>
/// <code>
/// using var support = SupportServices.OpenFile("data/supportbot.db", TimeProvider.System);
/// var order = await support.Orders.GetStatusAsync("4411");
/// </code>
/// </example>
public sealed class SupportServices : IDisposable
{
    private readonly SupportDatabase _database;

    private SupportServices(SupportDatabase database, SupportServicesOptions options)
    {
        _database = database;
        Orders = new SqliteOrderService(database);
        Stock = new SqliteStockService(database);
        Tickets = new SqliteTicketService(database);
        Refunds = new SqliteRefundService(database);
        Customers = new SqliteCustomerService(database, options);
    }

    /// <summary>Order status and history.</summary>
    public IOrderService Orders { get; }

    /// <summary>Shop stock and the list of shops.</summary>
    public IStockService Stock { get; }

    /// <summary>Tickets.</summary>
    public ITicketService Tickets { get; }

    /// <summary>Refund requests.</summary>
    public IRefundService Refunds { get; }

    /// <summary>Customers, channel identities and one-time-code verification.</summary>
    public ICustomerService Customers { get; }

    /// <summary>
    /// Opens the services on any SQLite connection string: a file (<c>Data Source=data/supportbot.db</c>) or a
    /// shared in-memory database (<c>Data Source=file:support?mode=memory&amp;cache=shared</c>), which lives as
    /// long as this object because it holds its connection open.
    /// </summary>
    public static SupportServices Open(string connectionString, TimeProvider timeProvider, SupportServicesOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new SupportServicesOptions();

        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                // WAL is already on for the bot's file (SqliteStorage); setting it again is a no-op, and an
                // in-memory database keeps its own journal mode.
                pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={(int)options.BusyTimeout.TotalMilliseconds};";
                pragma.ExecuteNonQuery();
            }

            SupportSchema.Apply(connection);
            var database = new SupportDatabase(connection, timeProvider);
            if (options.SeedDemoData)
            {
                DemoDataSeeder.Seed(database);
            }

            return new SupportServices(database, options);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the services on the SQLite file at <paramref name="filePath"/>, creating it and its folder if missing;
    /// the process keeps the file to itself (<see cref="SqliteFile"/>).
    /// </summary>
    public static SupportServices OpenFile(string filePath, TimeProvider timeProvider, SupportServicesOptions? options = null)
    {
        return Open(SqliteFile.ConnectionString(filePath, sharedWithOtherProcesses: false), timeProvider, options);
    }

    /// <summary>
    /// Opens the services on a private shared-cache in-memory database named <paramref name="name"/> (a new
    /// unique name when null): for the Memory storage provider and tests. Data is lost on dispose.
    /// </summary>
    public static SupportServices OpenInMemory(TimeProvider timeProvider, SupportServicesOptions? options = null, string? name = null)
    {
        var database = name ?? "supportbot-" + Guid.NewGuid().ToString("N");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"file:{database}?mode=memory&cache=shared",
        }.ToString();
        return Open(connectionString, timeProvider, options);
    }

    /// <summary>Closes the connection (and so drops an in-memory database).</summary>
    public void Dispose() => _database.Dispose();
}
