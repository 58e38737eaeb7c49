using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SupportBot.Core.Storage;

/// <summary>
/// A stored JSON value and the ETag it was read with (or must match on write). It holds either a parsed
/// <see cref="JsonElement"/> or the UTF-8 text of one value (<see cref="FromUtf8"/>): state written by a turn is
/// already UTF-8, and a store that writes bytes should not have it parsed only to read the bytes back out.
/// </summary>
public sealed class StoreItem
{
    /// <summary>The ETag that makes a write unconditional.</summary>
    public const string AnyETag = "*";

    private readonly byte[]? _utf8;
    private StrongBox<JsonElement>? _parsed;

    public StoreItem(JsonElement value, string? etag = null)
    {
        _parsed = new StrongBox<JsonElement>(value);
        ETag = etag;
    }

    private StoreItem(byte[] utf8, string? etag)
    {
        _utf8 = utf8;
        ETag = etag;
    }

    /// <summary>An item from the UTF-8 text of one JSON value, parsed only if someone asks for <see cref="Value"/>.</summary>
    /// <param name="utf8">One complete JSON value; the item keeps the array, so the caller must not change it.</param>
    /// <param name="etag">As for <see cref="ETag"/>.</param>
    internal static StoreItem FromUtf8(byte[] utf8, string? etag = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return new StoreItem(utf8, etag);
    }

    /// <summary>The value, parsed on first use when the item was made from UTF-8.</summary>
    public JsonElement Value => (_parsed ??= new StrongBox<JsonElement>(Parse(_utf8!))).Value;

    /// <summary>The ETag read with the value, or the one a write must match (null: the key must not exist).</summary>
    public string? ETag { get; }

    /// <summary>The value as UTF-8 JSON text, without parsing or copying.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8 is not null ? _utf8 : JsonMarshal.GetRawUtf8Value(Value);

    public void Deconstruct(out JsonElement value, out string? etag) => (value, etag) = (Value, ETag);

    private static JsonElement Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }
}
