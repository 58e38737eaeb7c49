using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Support.Stock;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>Shop stock in the embedded support tables. Items match by SKU, else by every word of the name given.</summary>
internal sealed class SqliteStockService(SupportDatabase database) : IStockService
{
    public Task<StockCheck> CheckStockAsync(string item, string store, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.Read(connection =>
        {
            var shop = FindStore(connection, store);
            if (shop is null)
            {
                return new StockCheck(StockCheckStatus.UnknownStore, null, null, null, 0, false, null);
            }

            var product = FindProduct(connection, item);
            if (product is null)
            {
                return new StockCheck(StockCheckStatus.UnknownItem, null, null, shop, 0, false, null);
            }

            var (sku, name) = product.Value;
            var level = Sql.Query(
                connection,
                null,
                "SELECT quantity, on_display, next_delivery FROM support_stock WHERE store_id = $store AND sku = $sku;",
                r => (Quantity: r.GetInt32(0), OnDisplay: r.GetInt32(1) != 0, Next: r.NullableTime(2)),
                ("$store", shop.Id),
                ("$sku", sku)).SingleOrDefault();
            var status = level.Quantity > 0 ? StockCheckStatus.InStock : StockCheckStatus.OutOfStock;
            return new StockCheck(status, sku, name, shop, level.Quantity, level.Quantity > 0 && level.OnDisplay, level.Next);
        }));
    }

    public Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Store>>(database.Read(connection =>
            Sql.Query(connection, null, "SELECT id, name, city, address, hours FROM support_stores ORDER BY id;", MapStore)));
    }

    private static Store? FindStore(SqliteConnection connection, string? store)
    {
        var text = store?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        var stores = Sql.Query(connection, null, "SELECT id, name, city, address, hours FROM support_stores;", MapStore);
        return stores.FirstOrDefault(s => s.Id.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? stores.FirstOrDefault(s => s.City.Equals(text, StringComparison.OrdinalIgnoreCase) || s.Name.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? stores.FirstOrDefault(s => text.Contains(s.City, StringComparison.OrdinalIgnoreCase));
    }

    private static (string Sku, string Name)? FindProduct(SqliteConnection connection, string? item)
    {
        var text = item?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        var products = Sql.Query(connection, null, "SELECT sku, name FROM support_products ORDER BY sku;", r => (Sku: r.GetString(0), Name: r.GetString(1)));
        var bySku = products.FirstOrDefault(p => p.Sku.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (bySku.Sku is not null)
        {
            return bySku;
        }

        // Every word the customer gave must appear in the name ("glass kettle" → "Finch 1.7L Glass Kettle"),
        // with a plural 's' forgiven; an ambiguous description takes the first SKU rather than guessing harder.
        var words = text.Split([' ', ',', '-', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w)
            .ToArray();
        var match = products.FirstOrDefault(p => words.Length > 0 && words.All(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return match.Sku is null ? null : match;
    }

    private static Store MapStore(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        JsonSerializer.Deserialize(r.GetString(4), SupportJsonContext.Default.ListString) ?? []);
}
