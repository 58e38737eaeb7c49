using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// Customer memory: a returning customer with an open ticket is asked "Welcome back, Sam — is this about
/// ticket T-1042?". Only ever begun from the user state of the identity the channel vouches for.
/// </summary>
internal sealed class TicketCheckDialog(HeapServices services) : ConversationalDialog(Id, services)
{
    public new const string Id = "heap.ticketCheck";

    private const string Ask = "ask";
    private const string TicketKey = "ticket";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var profile = await Services.ProfileAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var ticket = profile.OpenTickets[^1];
        (dc.ActiveDialog!.State ??= [])[TicketKey] = ticket.Id;
        return await AskAsync(dc, Ask, HeapTexts.WelcomeBackTicket(profile.Name ?? "and thanks for coming back", ticket.Id), ["Yes", "No"], cancellationToken, inline: false).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnAnswerAsync(DialogContext dc, string mode, string text, CancellationToken cancellationToken)
    {
        var ticketId = (string)dc.ActiveDialog!.State![TicketKey]!;
        switch (ConfirmRecognizer.Recognize(text))
        {
            case true:
                var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
                heapCase.Facts.TicketId = ticketId;
                var ticket = await Services.Actions.GetTicketAsync(ticketId, cancellationToken).ConfigureAwait(false);
                await dc.Context.SendActivityAsync(await StatusAsync(dc, ticketId, ticket, cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case false:
                return await dc.ReplaceDialogAsync(HeapDialog.MainId, HeapStart.Asking($"No problem. {HeapTexts.WhatCanIDo}"), cancellationToken).ConfigureAwait(false);
            default:
                // They went straight into something new: hear it.
                return await dc.ReplaceDialogAsync(HeapDialog.MainId, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> StatusAsync(DialogContext dc, string ticketId, Actions.TicketSummary? ticket, CancellationToken cancellationToken)
    {
        var profile = await Services.ProfileAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        if (ticket is null || IsClosed(ticket.Status))
        {
            profile.OpenTickets.RemoveAll(t => t.Id == ticketId);
            return ticket is null
                ? $"I can't find ticket {ticketId} any more. {HeapTexts.WhatCanIDo}"
                : $"Ticket {ticketId} has been resolved. Is there anything else I can help with — or is something still not right?";
        }

        return $"Ticket {ticketId}{(ticket.Subject is { } s ? $" ({s})" : string.Empty)} is {ticket.Status.ToLowerInvariant()}, and our team is on it — I'll message you here as soon as it's resolved. Is there anything you'd like to add?";
    }

    private static bool IsClosed(string status) =>
        status.Equals("resolved", StringComparison.OrdinalIgnoreCase) || status.Equals("closed", StringComparison.OrdinalIgnoreCase);
}
