namespace SupportBot.Core.Storage;

/// <summary>
/// A write carried an ETag that no longer matches (someone else wrote first), or created a key that
/// already exists. The caller re-reads and tries again.
/// </summary>
public sealed class StorageConflictException(string key)
    : InvalidOperationException($"The item '{key}' was changed by someone else (ETag mismatch).")
{
    public string Key { get; } = key;
}
