using System.Globalization;
using SupportBot.Core.Support.Refunds;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>Refund requests in the embedded support tables; references are <c>R-</c> and a number from 5001 up.</summary>
internal sealed class SqliteRefundService(SupportDatabase database) : IRefundService
{
    private const int FirstNumber = 5001;

    public Task<RefundResult> RequestAsync(RefundRequest request, decimal maxAmount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAmount);
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(database.Write((connection, tx) =>
        {
            var now = database.Now;
            var number = SqliteOrderService.Normalize(request.OrderNumber);
            var order = number is null
                ? null
                : Sql.Query(connection, tx, "SELECT total, currency FROM support_orders WHERE number = $number;",
                    r => (Total: Sql.Money(r.GetInt64(0)), Currency: r.GetString(1)), ("$number", number)).Cast<(decimal Total, string Currency)?>().SingleOrDefault();
            RefundResult Reject(RefundStatus status, decimal allowed, string message) =>
                new(status, null, number ?? request.OrderNumber ?? string.Empty, request.Amount, allowed, order?.Currency, now, message);

            if (order is not { } found)
            {
                return Reject(RefundStatus.UnknownOrder, 0, "There is no order with that number.");
            }

            var refunded = Sql.Money(Convert.ToInt64(
                Sql.Scalar(connection, tx, "SELECT COALESCE(SUM(amount), 0) FROM support_refunds WHERE order_number = $number;", ("$number", number)),
                CultureInfo.InvariantCulture));
            var balance = Math.Max(0, found.Total - refunded);
            var allowed = Math.Min(maxAmount, balance);
            if (request.Amount <= 0)
            {
                return Reject(RefundStatus.InvalidAmount, allowed, "A refund must be a positive amount.");
            }

            if (request.Amount > maxAmount)
            {
                return Reject(RefundStatus.OverLimit, allowed, $"The amount is over the refund limit of {Format(maxAmount, found.Currency)}; a person must approve it.");
            }

            if (request.Amount > balance)
            {
                return Reject(RefundStatus.ExceedsOrderBalance, allowed, $"Only {Format(balance, found.Currency)} is left to refund on order {number}.");
            }

            var id = Convert.ToInt64(
                Sql.Scalar(connection, tx, "SELECT MAX(COALESCE(MAX(id), 0) + 1, $first) FROM support_refunds;", ("$first", FirstNumber)),
                CultureInfo.InvariantCulture);
            Sql.Execute(connection, tx,
                "INSERT INTO support_refunds (id, order_number, customer_id, amount, reason, requested_at) VALUES ($id, $order, $customer, $amount, $reason, $at);",
                ("$id", id), ("$order", number), ("$customer", request.CustomerId), ("$amount", Sql.Money(request.Amount)),
                ("$reason", request.Reason?.Trim() ?? string.Empty), ("$at", Sql.Time(now)));
            return new RefundResult(RefundStatus.Accepted, Reference(id), number!, request.Amount, allowed, found.Currency, now,
                $"Refund of {Format(request.Amount, found.Currency)} on order {number} recorded.");
        }));
    }

    public Task<Refund?> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = reference?.Trim() ?? string.Empty;
        if (text.StartsWith("R-", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Task.FromResult<Refund?>(null);
        }

        return Task.FromResult(database.Read(connection => Sql.Query(
            connection,
            null,
            """
            SELECT r.order_number, r.customer_id, r.amount, o.currency, r.reason, r.requested_at
            FROM support_refunds r LEFT JOIN support_orders o ON o.number = r.order_number WHERE r.id = $id;
            """,
            r => new Refund(Reference(id), r.GetString(0), r.NullableString(1), Sql.Money(r.GetInt64(2)), r.NullableString(3), r.GetString(4), Sql.Time(r.GetInt64(5))),
            ("$id", id)).SingleOrDefault()));
    }

    private static string Reference(long id) => "R-" + id.ToString(CultureInfo.InvariantCulture);

    private static string Format(decimal amount, string currency) =>
        $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
}
