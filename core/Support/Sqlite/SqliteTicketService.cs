using System.Globalization;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Support.Tickets;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>Tickets in the embedded support tables; references are <c>T-</c> and a number from 1001 up.</summary>
internal sealed class SqliteTicketService(SupportDatabase database) : ITicketService
{
    private const int FirstNumber = 1001;
    private const string Columns = "id, customer_id, order_number, category, summary, channel, status, created_at, due_at, resolved_at, resolution";

    public Task<Ticket> CreateAsync(TicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Category);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.ResolveWithin, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(database.Write((connection, tx) =>
        {
            var now = database.Now;
            var id = Convert.ToInt64(
                Sql.Scalar(connection, tx, "SELECT MAX(COALESCE(MAX(id), 0) + 1, $first) FROM support_tickets;", ("$first", FirstNumber)),
                CultureInfo.InvariantCulture);
            Sql.Execute(connection, tx, """
                INSERT INTO support_tickets (id, customer_id, order_number, category, summary, channel, status, created_at, due_at)
                VALUES ($id, $customer, $order, $category, $summary, $channel, 'Open', $created, $due);
                """,
                ("$id", id), ("$customer", request.CustomerId), ("$order", request.OrderNumber), ("$category", request.Category.Trim()),
                ("$summary", request.Summary.Trim()), ("$channel", request.Channel), ("$created", Sql.Time(now)),
                ("$due", Sql.Time(now + request.ResolveWithin)));
            return Load(connection, tx, id)!;
        }));
    }

    public Task<Ticket?> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ParseReference(reference) is { } id ? database.Read(connection => Load(connection, null, id)) : null);
    }

    public Task<Ticket?> ResolveAsync(string reference, string resolution, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution);
        cancellationToken.ThrowIfCancellationRequested();
        if (ParseReference(reference) is not { } id)
        {
            return Task.FromResult<Ticket?>(null);
        }

        return Task.FromResult(database.Write((connection, tx) =>
        {
            Sql.Execute(connection, tx,
                "UPDATE support_tickets SET status = 'Resolved', resolved_at = $at, resolution = $resolution WHERE id = $id AND status = 'Open';",
                ("$id", id), ("$at", Sql.Time(database.Now)), ("$resolution", resolution.Trim()));
            return Load(connection, tx, id);
        }));
    }

    public Task<IReadOnlyList<Ticket>> ListOpenForCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Ticket>>(database.Read(connection => ListOpen(connection, null, customerId)));
    }

    public Task<IReadOnlyList<Ticket>> ListResolvedForCustomerAsync(string customerId, int limit = 10, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.FromResult<IReadOnlyList<Ticket>>(database.Read(connection => Sql.Query(
            connection,
            null,
            $"SELECT {Columns} FROM support_tickets WHERE customer_id = $customer AND status = 'Resolved' ORDER BY resolved_at DESC, id DESC LIMIT $limit;",
            Map,
            ("$customer", customerId ?? string.Empty),
            ("$limit", limit))));
    }

    public Task<IReadOnlyList<Ticket>> ListResolvedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Ticket>>(database.Read(connection => Sql.Query(
            connection,
            null,
            $"SELECT {Columns} FROM support_tickets WHERE status = 'Resolved' AND resolved_at >= $since ORDER BY resolved_at, id;",
            Map,
            ("$since", Sql.Time(since)))));
    }

    internal static List<Ticket> ListOpen(SqliteConnection connection, SqliteTransaction? tx, string? customerId) => Sql.Query(
        connection,
        tx,
        $"SELECT {Columns} FROM support_tickets WHERE customer_id = $customer AND status = 'Open' ORDER BY created_at, id;",
        Map,
        ("$customer", customerId ?? string.Empty));

    /// <summary>"T-1042", "t1042", "#1042", "1042" → 1042; null otherwise.</summary>
    internal static long? ParseReference(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 32)
        {
            return null;
        }

        var text = reference.Trim().TrimStart('#');
        if (text.StartsWith('T') || text.StartsWith('t'))
        {
            text = text[1..].TrimStart('-', ' ');
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private static Ticket? Load(SqliteConnection connection, SqliteTransaction? tx, long id) =>
        Sql.Query(connection, tx, $"SELECT {Columns} FROM support_tickets WHERE id = $id;", Map, ("$id", id)).SingleOrDefault();

    private static Ticket Map(SqliteDataReader r) => new(
        "T-" + r.GetInt64(0).ToString(CultureInfo.InvariantCulture),
        r.NullableString(1),
        r.NullableString(2),
        r.GetString(3),
        r.GetString(4),
        r.NullableString(5),
        r.GetString(6) == "Resolved" ? TicketStatus.Resolved : TicketStatus.Open,
        Sql.Time(r.GetInt64(7)),
        Sql.Time(r.GetInt64(8)),
        r.NullableTime(9),
        r.NullableString(10));
}
