using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;
using SupportBot.Core.Sentiment;
using SupportBot.Dialogs.Heap.Burst;
using SupportBot.Dialogs.Heap.Dialogs;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap;

/// <summary>
/// Runs the support conversation for a bot: every customer message goes to <see cref="HeapDialog"/>; a
/// resolved ticket comes back as a proactive turn that tells the customer and asks for a rating. Also applies
/// the inactivity rule: a case left unanswered longer than <c>Policy:InactivityTimeout</c> counts as abandoned.
/// When a handoff to a person ends, it takes the conversation back (<see cref="OnHandoffEndedAsync"/>).
/// </summary>
public sealed class HeapConversation : IHandoffBot
{
    private readonly HeapServices _services;
    private readonly DialogSet _dialogs;
    private readonly BurstScheduler? _bursts;

    /// <summary>
    /// Creates the conversation over its services; <paramref name="bursts"/> (shared by all turns) is needed
    /// when <c>Policy:BurstQuietPeriod</c> is set.
    /// </summary>
    public HeapConversation(HeapServices services, BurstScheduler? bursts = null)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _bursts = bursts;
        _dialogs = new DialogSet(services.DialogState)
            .Add(new HeapDialog(services))
            .Add(new CsatDialog(services))
            .Add(new HandoffFailedDialog(services));
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
        if (await HoldForBurstAsync(turnContext, heapCase, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

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

    /// <summary>
    /// The proactive turn after a handoff ended: after <see cref="HandoffStatus.Closed"/> the rating question;
    /// after <see cref="HandoffStatus.ReturnedToBot"/> the bot offers more help; after
    /// <see cref="HandoffStatus.Failed"/> (nobody accepted in time) a ticket with everything heard and the
    /// choice of a call back or a reply here. The agent's internal note never reaches the customer.
    /// </summary>
    public async Task OnHandoffEndedAsync(ITurnContext turnContext, HandoffCase handoffCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(handoffCase);
        var heapCase = await _services.CaseAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        var agent = handoffCase.Agent?.Name ?? "Our team";
        switch (handoffCase.Status)
        {
            case HandoffStatus.Closed:
                heapCase.Stage = HeapStages.Done;
                await dc.BeginDialogAsync(CsatDialog.Id, $"{agent} has marked your case as resolved — thank you for your patience. {CsatDialog.Question}", cancellationToken).ConfigureAwait(false);
                break;
            case HandoffStatus.ReturnedToBot:
                heapCase.Reset();
                await turnContext.SendActivityAsync($"{agent} has handed you back to me, the {_services.Policy.BrandName} assistant. Is there anything else I can help you with?", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case HandoffStatus.Failed:
                var ticketId = await new Provider(_services).OpenTicketAsync(turnContext, heapCase, "handoff", "urgent", cancellationToken).ConfigureAwait(false);
                await _services.SetOutcomeAsync(turnContext, Outcomes.AwaitingFollowUp, ticketId, cancellationToken).ConfigureAwait(false);
                await dc.BeginDialogAsync(HandoffFailedDialog.Id, ticketId, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// While the bot is listening for a story, holds each message for the quiet period instead of answering
    /// it: the flush turn hears the burst whole. A request for a person, "help" or "start over" is answered
    /// at once, with anything held before it added to what the case has heard.
    /// </summary>
    private async Task<bool> HoldForBurstAsync(ITurnContext turnContext, HeapCase heapCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quiet = _services.Policy.BurstQuietPeriod;
        var activity = turnContext.Activity;
        if (_bursts is null || quiet <= TimeSpan.Zero || activity.DeliveryMode == DeliveryModes.ExpectReplies
            || ChannelTraits.Of(turnContext)?.AnswersByReply == true
            || !await IsListeningAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var buffer = (await _services.Burst.GetAsync(turnContext, () => new BurstBuffer(), cancellationToken).ConfigureAwait(false))!;
        var kind = MessageClassifier.Classify(activity.Text);
        if (HeapServices.ShouldEscalate(turnContext) || kind is MessageKind.Help or MessageKind.StartOver)
        {
            foreach (var held in buffer.Texts)
            {
                heapCase.Hear(held);
                heapCase.Facts.MergeFrom(FactExtractor.Extract(held));
            }

            buffer.Take();
            return false;
        }

        buffer.Add(activity.Text ?? string.Empty, now, SentimentTurn.Of(turnContext));
        var reference = activity.GetConversationReference();
        var adapter = turnContext.Adapter;
        _bursts.Schedule(reference, quiet, ct => adapter.ContinueConversationAsync(reference, (tc, c) => FlushAsync(tc, reference, c), ct));
        return true;
    }

    /// <summary>The quiet period is over: answer the held messages as one story.</summary>
    private async Task FlushAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        var buffer = await _services.Burst.GetAsync(turnContext, () => new BurstBuffer(), cancellationToken).ConfigureAwait(false);
        if (buffer is null || buffer.IsEmpty)
        {
            return;
        }

        var wait = buffer.LastAt + _services.Policy.BurstQuietPeriod - _services.Time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            // A message arrived after this timer was set (another instance, a race): wait for its quiet too.
            var adapter = turnContext.Adapter;
            _bursts!.Schedule(reference, wait, ct => adapter.ContinueConversationAsync(reference, (tc, c) => FlushAsync(tc, reference, c), ct));
            return;
        }

        var strongest = buffer.Strongest;
        var story = buffer.Take();

        // The proactive turn carries the held story as the customer's message (it is not recorded again:
        // each part is in the transcript already), with the sentiment of its most upset part.
        turnContext.Activity.Type = ActivityTypes.Message;
        turnContext.Activity.Text = story;
        if (strongest is not null)
        {
            turnContext.TurnState.Set(strongest);
        }

        await _dialogs.RunAsync(turnContext, HeapDialog.DialogId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Listening: nothing under way, or waiting for the customer to say what they need.</summary>
    private async Task<bool> IsListeningAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await _services.DialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        if (state!.DialogStack.Count == 0)
        {
            return true;
        }

        var top = state.DialogStack[0];
        return top.Id == HeapDialog.DialogId && top.Children?.DialogStack is [{ Id: HeapDialog.TextPromptId }, ..];
    }

    private static bool IsMidCase(HeapCase heapCase) =>
        heapCase.Stage is HeapStages.Hear or HeapStages.Empathize or HeapStages.Lead or HeapStages.Provide && heapCase.Said.Count > 0;
}
