using System.Text.Json;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Heap.FollowUp;

/// <summary>
/// Keeps <see cref="TicketFollowUp"/>s in <see cref="IStorage"/> under <c>heap/followups/{ticket}</c>. Inside a
/// durable turn the write joins the turn's commit, so a follow-up exists exactly when the promise was sent.
/// </summary>
public sealed class FollowUpStore(IStorage storage)
{
    /// <summary>The storage key of a ticket's follow-up.</summary>
    public static string KeyOf(string ticketId) => $"heap/followups/{ticketId}";

    /// <summary>Stores the follow-up with the turn (or at once outside a durable turn).</summary>
    public async Task SaveAsync(ITurnContext turnContext, TicketFollowUp followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(followUp);
        var item = new StoreItem(JsonSerializer.SerializeToElement(followUp, StateJson.Options), StoreItem.AnyETag);
        if (turnContext.TurnState.Get<TurnCommit>() is { } commit)
        {
            commit.StateChanges[KeyOf(followUp.TicketId)] = item;
            return;
        }

        await storage.WriteAsync(new Dictionary<string, StoreItem> { [KeyOf(followUp.TicketId)] = item }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The follow-up promised for the ticket, or null.</summary>
    public async Task<TicketFollowUp?> FindAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(ticketId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? item.Value.Deserialize<TicketFollowUp>(StateJson.Options) : null;
    }

    /// <summary>Forgets the follow-up once it was kept.</summary>
    public Task DeleteAsync(string ticketId, CancellationToken cancellationToken = default) =>
        storage.DeleteAsync([KeyOf(ticketId)], cancellationToken);
}
