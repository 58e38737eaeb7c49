using SupportBot.Core.Storage;

namespace SupportBot.Social.Tests.Infrastructure;

/// <summary>
/// The bot's storage, except that the first <see cref="FailWrites"/> checkpoint writes throw: a crash
/// between a mention's committed turn and the checkpoint that follows it.
/// </summary>
internal sealed class FailingCheckpointStorage(IStorage inner) : IStorage
{
    private int _failed;

    public int FailWrites { get; init; } = 1;

    public int Failed => _failed;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Keys.Any(k => k.EndsWith("/checkpoint", StringComparison.Ordinal)) && Interlocked.Increment(ref _failed) <= FailWrites)
        {
            throw new IOException("Simulated crash before the checkpoint was written.");
        }

        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
