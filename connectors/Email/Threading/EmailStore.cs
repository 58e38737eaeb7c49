using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SupportBot.Connectors.Email.Client;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.Email.Threading;

/// <summary>
/// The email channel's durable records in <see cref="IStorage"/>: threads, handled Message-IDs, the folder
/// checkpoint and the per-sender daily counts. Read-modify-write goes through ETags and retries on conflict.
/// </summary>
internal sealed class EmailStore(IStorage storage)
{
    private const int MaxAttempts = 8;

    public Task<ThreadRecord?> GetThreadAsync(string conversationId, CancellationToken cancellationToken = default) =>
        ReadAsync(ThreadKey(conversationId), EmailJsonContext.Default.ThreadRecord, cancellationToken);

    /// <summary>Creates or changes a thread record; <paramref name="change"/> gets null for a new thread.</summary>
    public Task UpdateThreadAsync(string conversationId, Func<ThreadRecord?, ThreadRecord> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(ThreadKey(conversationId), EmailJsonContext.Default.ThreadRecord, change, cancellationToken);

    public Task<MessageRecord?> GetMessageAsync(string messageId, CancellationToken cancellationToken = default) =>
        ReadAsync(MessageKey(messageId), EmailJsonContext.Default.MessageRecord, cancellationToken);

    public Task SetMessageAsync(string messageId, MessageRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync(MessageKey(messageId), record, EmailJsonContext.Default.MessageRecord, StoreItem.AnyETag, cancellationToken);

    public Task<MailboxCheckpoint?> GetCheckpointAsync(string mailbox, CancellationToken cancellationToken = default) =>
        ReadAsync(CheckpointKey(mailbox), EmailJsonContext.Default.MailboxCheckpoint, cancellationToken);

    public Task SetCheckpointAsync(string mailbox, MailboxCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        WriteAsync(CheckpointKey(mailbox), checkpoint, EmailJsonContext.Default.MailboxCheckpoint, StoreItem.AnyETag, cancellationToken);

    public async Task<int> GetSenderCountAsync(string address, DateOnly day, CancellationToken cancellationToken = default) =>
        (await ReadAsync(CountKey(address, day), EmailJsonContext.Default.SenderCount, cancellationToken).ConfigureAwait(false))?.Count ?? 0;

    public Task IncrementSenderCountAsync(string address, DateOnly day, CancellationToken cancellationToken = default) =>
        UpdateAsync(CountKey(address, day), EmailJsonContext.Default.SenderCount, c => new SenderCount((c?.Count ?? 0) + 1), cancellationToken);

    /// <summary>A short stable digest for keys built from customer-controlled text (Message-IDs, addresses).</summary>
    public static string Digest(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    private static string ThreadKey(string conversationId) => $"email/thread/{conversationId}";

    private static string MessageKey(string messageId) => $"email/message/{Digest(messageId)}";

    private static string CheckpointKey(string mailbox) => $"email/mailbox/{Digest(mailbox)}";

    private static string CountKey(string address, DateOnly day) => $"email/count/{day:yyyyMMdd}/{Digest(address.ToLowerInvariant())}";

    private async Task<T?> ReadAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class =>
        (await ReadItemAsync(key, type, cancellationToken).ConfigureAwait(false)).Value;

    private async Task<(T? Value, string? ETag)> ReadItemAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? (item.Value.Deserialize(type), item.ETag) : (null, null);
    }

    private Task WriteAsync<T>(string key, T value, JsonTypeInfo<T> type, string? etag, CancellationToken cancellationToken) =>
        storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(JsonSerializer.SerializeToElement(value, type), etag) }, cancellationToken);

    private async Task UpdateAsync<T>(string key, JsonTypeInfo<T> type, Func<T?, T> change, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadItemAsync(key, type, cancellationToken).ConfigureAwait(false);
            try
            {
                await WriteAsync(key, change(current), type, etag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // Another writer (the sender adding its Message-ID, another instance) came first: read again.
            }
        }
    }
}
