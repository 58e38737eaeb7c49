using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Actions;

namespace SupportBot.Dialogs.Heap.FollowUp;

/// <summary>
/// Keeps the bot's promise "I'll message you here as soon as it's resolved": finds the ticket's stored
/// conversation reference and runs a proactive turn in that conversation through the durable adapter
/// (same lane, commit and outbox as a customer turn), which tells the customer and asks for a rating.
/// </summary>
public sealed class TicketResolutionNotifier(DurableBotAdapter adapter, FollowUpStore followUps, HeapConversation conversation, ISupportActions actions)
{
    /// <summary>Resolves the ticket through the business actions, then tells the customer.</summary>
    /// <returns>False when no conversation is waiting to hear about this ticket.</returns>
    public async Task<bool> ResolveAndNotifyAsync(string ticketId, string? resolution, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        await actions.ResolveTicketAsync(ticketId, resolution ?? "Resolved", cancellationToken).ConfigureAwait(false);
        return await NotifyResolvedAsync(ticketId, resolution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the customer their (already resolved) ticket is done and asks the CSAT question.</summary>
    /// <returns>False when no conversation is waiting to hear about this ticket.</returns>
    public async Task<bool> NotifyResolvedAsync(string ticketId, string? resolution, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        if (await followUps.FindAsync(ticketId, cancellationToken).ConfigureAwait(false) is not { } followUp)
        {
            return false;
        }

        await adapter.ContinueConversationAsync(
            followUp.Reference,
            (turnContext, ct) => conversation.OnTicketResolvedAsync(turnContext, followUp, resolution, ct),
            cancellationToken).ConfigureAwait(false);
        await followUps.DeleteAsync(ticketId, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
