using SupportBot.Core.Schema;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap;

/// <summary>
/// Runs the support conversation for a bot: every customer message goes to <see cref="HeapDialog"/>; a
/// resolved ticket comes back as a proactive turn that tells the customer and asks for a rating. Also applies
/// the inactivity rule: a case left unanswered longer than <c>Policy:InactivityTimeout</c> counts as abandoned.
/// </summary>
public sealed class HeapConversation
{
    private readonly HeapServices _services;
    private readonly DialogSet _dialogs;

    /// <summary>Creates the conversation over its services.</summary>
    public HeapConversation(HeapServices services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _dialogs = new DialogSet(services.DialogState)
            .Add(new HeapDialog(services))
            .Add(new CsatDialog(services));
    }

    /// <summary>Handles one turn. Only messages get an answer: a conversationUpdate or typing says nothing yet.</summary>
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!turnContext.Activity.IsMessage())
        {
            return;
        }

        var heapCase = await _services.CaseAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var now = turnContext.Activity.Timestamp ?? _services.Time.GetUtcNow();
        if (heapCase.LastCustomerMessageAt is { } last && now - last > _services.Policy.InactivityTimeout && IsMidCase(heapCase))
        {
            // The old case was left hanging: record it, and hear this message as a fresh start.
            await _services.SetOutcomeAsync(turnContext, Outcomes.Abandoned, heapCase.TicketId, cancellationToken).ConfigureAwait(false);
            await _services.DialogState.SetAsync(turnContext, new DialogState(), cancellationToken).ConfigureAwait(false);
            heapCase.Reset();
        }

        heapCase.LastCustomerMessageAt = now;
        await _dialogs.RunAsync(turnContext, HeapDialog.DialogId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The proactive turn after <paramref name="followUp"/>'s ticket was resolved: tells the customer, records
    /// the outcome and asks the satisfaction question (on top of whatever the conversation is doing).
    /// </summary>
    public async Task OnTicketResolvedAsync(ITurnContext turnContext, TicketFollowUp followUp, string? resolution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(followUp);
        var profile = await _services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        profile.OpenTickets.RemoveAll(t => t.Id == followUp.TicketId);
        await _services.SetOutcomeAsync(turnContext, Outcomes.ResolvedAfterFollowUp, followUp.TicketId, cancellationToken).ConfigureAwait(false);
        var note = string.IsNullOrWhiteSpace(resolution) ? string.Empty : $" {resolution.Trim().TrimEnd('.')}.";
        var greeting = profile.Name is { } name ? $"Hi {name}, good news" : "Good news";
        var question = $"{greeting}: ticket {followUp.TicketId} ({followUp.Summary}) has been resolved.{note} {CsatDialog.Question}";
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(CsatDialog.Id, question, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsMidCase(HeapCase heapCase) =>
        heapCase.Stage is HeapStages.Hear or HeapStages.Empathize or HeapStages.Lead or HeapStages.Provide && heapCase.Said.Count > 0;
}
