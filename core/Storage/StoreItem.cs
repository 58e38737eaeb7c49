using System.Text.Json;

namespace SupportBot.Core.Storage;

/// <summary>A stored JSON value and the ETag it was read with (or must match on write).</summary>
public sealed record StoreItem(JsonElement Value, string? ETag = null)
{
    /// <summary>The ETag that makes a write unconditional.</summary>
    public const string AnyETag = "*";
}
