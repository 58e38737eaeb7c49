using System.Globalization;

namespace SupportBot.Core.Storage;

/// <summary>
/// Cheap unique ids for ETags and outgoing activity ids: a random prefix drawn once per process and a
/// counter. Unique across processes sharing a store (the prefixes differ) without a GUID per call.
/// </summary>
public static class UniqueIds
{
    private static readonly string Prefix = Guid.NewGuid().ToString("N")[..12];
    private static long _counter;

    public static string Next() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Interlocked.Increment(ref _counter):x}");
}
