using System.Text.Json;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// What the Teams hub keeps in the store besides the case's hub data: which case each thread belongs to
/// (agents' messages arrive with the thread's conversation id only) and which thread messages were already
/// relayed (Teams retries a message it got no timely answer for, with the same id).
/// </summary>
internal sealed class TeamsThreads(IStorage storage)
{
    /// <summary>The case hub-data keys.</summary>
    public const string ConversationIdKey = "teams.conversationId";
    public const string ActivityIdKey = "teams.activityId";
    public const string ServiceUrlKey = "teams.serviceUrl";

    public async Task<string?> FindCaseAsync(string threadConversationId, CancellationToken cancellationToken = default)
    {
        var key = ThreadKey(threadConversationId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) && item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString() : null;
    }

    public Task SetCaseAsync(string threadConversationId, string caseId, CancellationToken cancellationToken = default) =>
        storage.WriteAsync(
            new Dictionary<string, StoreItem> { [ThreadKey(threadConversationId)] = new(JsonSerializer.SerializeToElement(caseId, TeamsJsonContext.Default.String), StoreItem.AnyETag) },
            cancellationToken);

    /// <summary>Claims a thread message for relaying; false when it was claimed before (a retry).</summary>
    public async Task<bool> TryClaimAsync(string threadConversationId, string activityId, CancellationToken cancellationToken = default)
    {
        try
        {
            // A null ETag creates the key and fails when it exists: the first delivery wins.
            await storage.WriteAsync(
                new Dictionary<string, StoreItem> { [RelayKey(threadConversationId, activityId)] = new(JsonSerializer.SerializeToElement(true, TeamsJsonContext.Default.Boolean), null) },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    /// <summary>Gives a claim back after the relay failed, so Teams' retry relays it.</summary>
    public Task ReleaseAsync(string threadConversationId, string activityId, CancellationToken cancellationToken = default) =>
        storage.DeleteAsync([RelayKey(threadConversationId, activityId)], cancellationToken);

    private static string ThreadKey(string threadConversationId) => "teams/thread/" + threadConversationId;

    private static string RelayKey(string threadConversationId, string activityId) => $"teams/relayed/{threadConversationId}/{activityId}";
}
