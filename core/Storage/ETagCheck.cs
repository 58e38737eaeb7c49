namespace SupportBot.Core.Storage;

/// <summary>The ETag rule shared by every provider (see <see cref="IStorage"/>).</summary>
internal static class ETagCheck
{
    /// <summary>True when a write carrying <paramref name="requested"/> may replace a value stored with <paramref name="current"/>.</summary>
    public static bool Allows(string? requested, string? current) => requested switch
    {
        StoreItem.AnyETag => true,
        null => current is null,
        _ => current is not null && string.Equals(requested, current, StringComparison.Ordinal),
    };

    public static string NewETag() => UniqueIds.Next();
}
