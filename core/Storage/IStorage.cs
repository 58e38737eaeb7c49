namespace SupportBot.Core.Storage;

/// <summary>
/// Key-value storage with optimistic concurrency. Every provider passes the same conformance suite
/// (tests/Core.Tests/Storage/StorageConformanceTests.cs).
/// </summary>
/// <remarks>
/// ETag rules for <see cref="WriteAsync"/>: <c>"*"</c> writes unconditionally; <c>null</c> creates and fails if
/// the key exists; any other value must equal the stored ETag. A failed check throws
/// <see cref="StorageConflictException"/> and nothing of the batch is written.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads the keys that exist; missing keys are absent from the answer.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes all changes atomically and answers each key's new ETag.</summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the keys; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}
