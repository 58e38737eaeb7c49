using Microsoft.Data.Sqlite;
using SupportBot.Core.Support.Orders;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>Orders in the embedded support tables.</summary>
internal sealed class SqliteOrderService(SupportDatabase database) : IOrderService
{
    private const string Columns =
        "number, customer_id, state, placed_at, shipped_at, estimated_delivery, delivered_at, carrier, tracking_number, total, currency";

    public Task<OrderStatus?> GetStatusAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var number = Normalize(orderNumber);
        if (number is null)
        {
            return Task.FromResult<OrderStatus?>(null);
        }

        return Task.FromResult(database.Read(connection =>
        {
            var order = Sql.Query(connection, null, $"SELECT {Columns} FROM support_orders WHERE number = $number;", Map, ("$number", number)).SingleOrDefault();
            return order is null ? null : WithLines(connection, order);
        }));
    }

    public Task<IReadOnlyList<OrderStatus>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<OrderStatus>>(database.Read(connection =>
            Sql.Query(connection, null, $"SELECT {Columns} FROM support_orders WHERE customer_id = $customer ORDER BY placed_at DESC;", Map, ("$customer", customerId ?? string.Empty))
                .Select(order => WithLines(connection, order))
                .ToList()));
    }

    /// <summary>"#4411", " 4411 ", "order 4411" → "4411"; null when no plausible number is left.</summary>
    internal static string? Normalize(string? orderNumber)
    {
        if (string.IsNullOrWhiteSpace(orderNumber) || orderNumber.Length > 64)
        {
            return null;
        }

        var trimmed = orderNumber.Trim().TrimStart('#').Trim();
        if (trimmed.StartsWith("order", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[5..].Trim().TrimStart('#').Trim();
        }

        return trimmed.Length > 0 ? trimmed.ToUpperInvariant() : null;
    }

    private static OrderStatus Map(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        Enum.TryParse<OrderState>(r.GetString(2), out var state) ? state : OrderState.Placed,
        Sql.Time(r.GetInt64(3)),
        r.NullableTime(4),
        r.NullableTime(5),
        r.NullableTime(6),
        r.NullableString(7),
        r.NullableString(8),
        Sql.Money(r.GetInt64(9)),
        r.GetString(10),
        []);

    private static OrderStatus WithLines(SqliteConnection connection, OrderStatus order) => order with
    {
        Lines = Sql.Query(
            connection,
            null,
            "SELECT sku, name, quantity, unit_price FROM support_order_lines WHERE order_number = $number ORDER BY line_no;",
            r => new OrderLine(r.GetString(0), r.GetString(1), r.GetInt32(2), Sql.Money(r.GetInt64(3))),
            ("$number", order.OrderNumber)),
    };
}
