namespace SupportBot.Connectors.Social;

/// <summary>
/// Orders post ids: X and Mastodon ids are decimal numbers growing with time (snowflakes), too large for
/// a long in general and sent as strings; a longer id is newer, equal lengths compare digit by digit.
/// </summary>
public static class PostIds
{
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var x = a.TrimStart('0');
        var y = b.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }

    /// <summary>The newer of two ids.</summary>
    public static string? Max(string? a, string? b) => Compare(a, b) >= 0 ? a : b;
}
