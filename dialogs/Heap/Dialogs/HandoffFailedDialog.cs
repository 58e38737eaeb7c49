using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// After nobody from the team accepted the handoff in time: the case has a ticket already; the customer
/// chooses between a call back and a reply here. Anything else is heard as a new message.
/// </summary>
internal sealed class HandoffFailedDialog(HeapServices services) : ConversationalDialog(Id, services)
{
    public new const string Id = "heap.handoff-failed";

    public const string CallBack = "Call me back";
    public const string ReplyHere = "Reply here";

    private const string Choose = "choose";
    private static readonly string[] Options = [CallBack, ReplyHere];

    /// <summary>Begins with the ticket reference as options.</summary>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var ticket = options as string ?? "your ticket";
        var text = $"I'm sorry — nobody from our team has been able to pick up your chat yet. I've opened ticket {ticket} with everything you've told me, so nothing is lost. Would you like a call back, or a reply here?";
        return AskAsync(dc, Choose, text, Options, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnAnswerAsync(DialogContext dc, string mode, string text, CancellationToken cancellationToken)
    {
        var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var answer = text.Trim();
        if (answer.Contains("call", StringComparison.OrdinalIgnoreCase) || answer.Contains("phone", StringComparison.OrdinalIgnoreCase) || answer == "1")
        {
            var commitment = await new Provider(Services).ProvideAsync(dc.Context, heapCase, HeapActions.Callback, cancellationToken).ConfigureAwait(false);
            await dc.Context.SendActivityAsync(HeapMessages.Join(commitment, HeapTexts.AnythingElse), cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(HeapActions.Callback, cancellationToken).ConfigureAwait(false);
        }

        if (answer.Contains("here", StringComparison.OrdinalIgnoreCase) || answer.Contains("ticket", StringComparison.OrdinalIgnoreCase)
            || answer == "2" || ConfirmRecognizer.Recognize(answer) is not null)
        {
            var issue = Services.Policy.For(heapCase.Facts.IssueType ?? IssueTypes.Other);
            await dc.Context.SendActivityAsync($"Fine — ticket {heapCase.TicketId} stays open, and someone from our team will reply right here {issue.TimeFrame}.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(HeapActions.Ticket, cancellationToken).ConfigureAwait(false);
        }

        if (MessageClassifier.Classify(text) is MessageKind.Empty or MessageKind.EmojiOnly or MessageKind.Gibberish && Bump(dc, "attempts") <= 1)
        {
            return await AskAsync(dc, Choose, "Just say \"call me back\" or \"reply here\".", Options, cancellationToken).ConfigureAwait(false);
        }

        // They moved on: hear the new message.
        return await dc.ReplaceDialogAsync(HeapDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
    }
}
