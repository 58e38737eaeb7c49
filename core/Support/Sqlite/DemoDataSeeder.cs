using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>
/// Fills the support tables from the demo data once per database (a marker row in <c>support_seed</c>),
/// with times relative to the seeding moment so the demo reads naturally ("delivered yesterday").
/// </summary>
internal static class DemoDataSeeder
{
    private const string SeedName = "demo-v1";
    private const string ResourceName = "SupportBot.Core.Support.Data.demo-data.json";

    public static DemoData Load()
    {
        using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        return JsonSerializer.Deserialize(stream, SupportJsonContext.Default.DemoData)
            ?? throw new InvalidOperationException("The support demo data is empty.");
    }

    /// <summary>Seeds unless already seeded; returns whether it did.</summary>
    public static bool Seed(SupportDatabase database)
    {
        var data = Load();
        return database.Write((connection, tx) =>
        {
            if (Sql.Scalar(connection, tx, "SELECT 1 FROM support_seed WHERE name = $name;", ("$name", SeedName)) is not null)
            {
                return false;
            }

            var now = database.Now;
            long At(double days) => Sql.Time(now.AddDays(days));
            long? AtOrNull(double? days) => days is { } d ? At(d) : null;

            foreach (var store in data.Stores)
            {
                Sql.Execute(connection, tx, "INSERT OR IGNORE INTO support_stores (id, name, city, address, hours) VALUES ($id, $name, $city, $address, $hours);",
                    ("$id", store.Id), ("$name", store.Name), ("$city", store.City), ("$address", store.Address),
                    ("$hours", JsonSerializer.Serialize(store.Hours.ToList(), SupportJsonContext.Default.ListString)));
            }

            var products = data.Products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
            foreach (var product in data.Products)
            {
                Sql.Execute(connection, tx, "INSERT OR IGNORE INTO support_products (sku, name, price) VALUES ($sku, $name, $price);",
                    ("$sku", product.Sku), ("$name", product.Name), ("$price", Sql.Money(product.Price)));
            }

            foreach (var stock in data.Stock)
            {
                Sql.Execute(connection, tx,
                    "INSERT OR IGNORE INTO support_stock (store_id, sku, quantity, on_display, next_delivery) VALUES ($store, $sku, $quantity, $display, $next);",
                    ("$store", stock.Store), ("$sku", stock.Sku), ("$quantity", stock.Quantity), ("$display", stock.OnDisplay ? 1 : 0),
                    ("$next", AtOrNull(stock.NextDeliveryInDays)));
            }

            foreach (var customer in data.Customers)
            {
                SeedCustomer(connection, tx, customer, now, AtOrNull);
            }

            foreach (var order in data.Orders)
            {
                SeedOrder(connection, tx, order, products, data, At, AtOrNull);
            }

            foreach (var t in data.Tickets)
            {
                Sql.Execute(connection, tx, """
                    INSERT OR IGNORE INTO support_tickets (id, customer_id, order_number, category, summary, channel, status, created_at, due_at, resolved_at, resolution)
                    VALUES ($id, $customer, $order, $category, $summary, $channel, $status, $created, $due, $resolved, $resolution);
                    """,
                    ("$id", t.Id), ("$customer", t.Customer), ("$order", t.Order), ("$category", t.Category), ("$summary", t.Summary),
                    ("$channel", t.Channel), ("$status", t.ResolvedDaysAgo is null ? "Open" : "Resolved"), ("$created", At(-t.CreatedDaysAgo)),
                    ("$due", At(t.DueInDays)), ("$resolved", AtOrNull(-t.ResolvedDaysAgo)), ("$resolution", t.Resolution));
            }

            foreach (var r in data.Refunds)
            {
                Sql.Execute(connection, tx,
                    "INSERT OR IGNORE INTO support_refunds (id, order_number, customer_id, amount, reason, requested_at) VALUES ($id, $order, $customer, $amount, $reason, $at);",
                    ("$id", r.Id), ("$order", r.Order), ("$customer", r.Customer), ("$amount", Sql.Money(r.Amount)), ("$reason", r.Reason),
                    ("$at", At(-r.RequestedDaysAgo)));
            }

            Sql.Execute(connection, tx, "INSERT INTO support_seed (name, applied_at) VALUES ($name, $at);", ("$name", SeedName), ("$at", Sql.Time(now)));
            return true;
        });
    }

    private static void SeedCustomer(SqliteConnection connection, SqliteTransaction tx, DemoCustomer customer, DateTimeOffset now, Func<double?, long?> atOrNull)
    {
        Sql.Execute(connection, tx,
            "INSERT OR IGNORE INTO support_customers (id, name, email, last_outcome, last_outcome_at) VALUES ($id, $name, $email, $outcome, $at);",
            ("$id", customer.Id), ("$name", customer.Name), ("$email", customer.Email?.Trim().ToLowerInvariant()),
            ("$outcome", customer.LastOutcome), ("$at", atOrNull(-customer.LastOutcomeDaysAgo)));
        foreach (var identity in customer.Identities)
        {
            var normalized = new Customers.ChannelIdentity(identity.Channel, identity.Id);
            Sql.Execute(connection, tx,
                "INSERT OR IGNORE INTO support_identities (channel, identity, customer_id, linked_at) VALUES ($channel, $identity, $customer, $at);",
                ("$channel", normalized.Channel), ("$identity", normalized.Id), ("$customer", customer.Id), ("$at", Sql.Time(now)));
        }
    }

    private static void SeedOrder(
        SqliteConnection connection, SqliteTransaction tx, DemoOrder order, Dictionary<string, DemoProduct> products, DemoData data,
        Func<double, long> at, Func<double?, long?> atOrNull)
    {
        var subtotal = order.Lines.Sum(l => products[l.Sku].Price * l.Quantity);
        var total = subtotal >= data.FreeDeliveryFrom ? subtotal : subtotal + data.DeliveryCharge;
        Sql.Execute(connection, tx, """
            INSERT OR IGNORE INTO support_orders (number, customer_id, state, placed_at, shipped_at, estimated_delivery, delivered_at, carrier, tracking_number, total, currency)
            VALUES ($number, $customer, $state, $placed, $shipped, $estimated, $delivered, $carrier, $tracking, $total, 'GBP');
            """,
            ("$number", order.Number), ("$customer", order.Customer), ("$state", order.State), ("$placed", at(-order.PlacedDaysAgo)),
            ("$shipped", atOrNull(-order.ShippedDaysAgo)), ("$estimated", atOrNull(order.DeliveryInDays)), ("$delivered", atOrNull(-order.DeliveredDaysAgo)),
            ("$carrier", order.Carrier), ("$tracking", order.Tracking), ("$total", Sql.Money(total)));
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var product = products[line.Sku];
            Sql.Execute(connection, tx, """
                INSERT OR IGNORE INTO support_order_lines (order_number, line_no, sku, name, quantity, unit_price)
                VALUES ($order, $line, $sku, $name, $quantity, $price);
                """,
                ("$order", order.Number), ("$line", i + 1), ("$sku", line.Sku), ("$name", product.Name), ("$quantity", line.Quantity),
                ("$price", Sql.Money(product.Price)));
        }
    }
}
