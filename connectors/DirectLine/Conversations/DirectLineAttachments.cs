using System.Security.Cryptography;
using System.Text.Json;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.DirectLine.Conversations;

/// <summary>
/// Uploaded files, kept as data in the store next to the conversation. A file is fetched by an
/// unguessable id (128 random bits), since a browser loads an image without sending a token.
/// </summary>
internal sealed class DirectLineAttachments(IStorage storage)
{
    public async Task<string> SaveAsync(string conversationId, StoredAttachment attachment, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var value = JsonSerializer.SerializeToElement(attachment, DirectLineJsonContext.Default.StoredAttachment);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [Key(conversationId, id)] = new(value) }, cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<StoredAttachment?> FindAsync(string conversationId, string attachmentId, CancellationToken cancellationToken = default)
    {
        var key = Key(conversationId, attachmentId);
        var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var item) ? item.Value.Deserialize(DirectLineJsonContext.Default.StoredAttachment) : null;
    }

    private static string Key(string conversationId, string attachmentId) => $"directline/c/{conversationId}/file/{attachmentId}";
}
