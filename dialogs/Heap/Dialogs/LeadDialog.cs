using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// Empathize and lead: say the empathy line, offer a knowledge-base answer first where the policy says so,
/// then ask what would make it right with the policy's options (free text accepted). A request outside
/// the policy gets "I understand you'd like X. I'm not able to do that, but what I can do is Y." Ends with
/// the chosen action, or null when the knowledge-base answer solved it.
/// </summary>
internal sealed class LeadDialog(HeapServices services) : ConversationalDialog(Id, services)
{
    public new const string Id = "heap.lead";
    public const int MaxAttempts = 3;

    private const string Knowledge = "knowledge";
    private const string Remedy = "remedy";
    private const string Attempts = "attempts";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var empathy = (options as LeadStart)?.Empathy;
        heapCase.Stage = HeapStages.Lead;
        var issue = Services.Policy.For(heapCase.Facts.IssueType ?? IssueTypes.Other);
        if (issue.KnowledgeFirst && await SearchAsync(heapCase, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            heapCase.Tried.Add($"article:{hit.Slug}");
            var text = HeapMessages.Join(empathy, "This usually sorts it:", HeapTexts.KnowledgeAnswer(hit.Answer, hit.Title), HeapTexts.DidThatHelp);
            return await AskAsync(dc, Knowledge, text, ["Yes", "No"], cancellationToken, inline: false).ConfigureAwait(false);
        }

        return await LeadAsync(dc, heapCase, empathy, heapCase.Facts.Want, heapCase.Facts.Amount, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnAnswerAsync(DialogContext dc, string mode, string text, CancellationToken cancellationToken)
    {
        var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        HearDialog.Listen(dc.Context, heapCase);
        heapCase.Hear(text);
        if (mode == Knowledge)
        {
            if (ConfirmRecognizer.Recognize(text) == true)
            {
                await Services.SetOutcomeAsync(dc.Context, Outcomes.ResolvedFirstContact, null, cancellationToken).ConfigureAwait(false);
                await dc.Context.SendActivityAsync(HeapMessages.Join(HeapTexts.GladItHelped, HeapTexts.AnythingElse), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            await Services.CountFailedResolutionAsync(dc.Context, cancellationToken).ConfigureAwait(false);
            var heard = FactExtractor.Extract(text);
            return await LeadAsync(dc, heapCase, "Thanks for trying that — let's sort it out another way.", heard.Want, heard.Amount ?? heapCase.Facts.Amount, cancellationToken).ConfigureAwait(false);
        }

        var allowed = Allowed(heapCase);
        var extracted = FactExtractor.Extract(text);
        var want = RemedyChoices.Recognize(text, allowed) ?? extracted.Want;
        if (want is null)
        {
            if (Bump(dc, Attempts) >= MaxAttempts)
            {
                return await dc.EndDialogAsync(HeapActions.Ticket, cancellationToken).ConfigureAwait(false);
            }

            var again = $"Here's what I can do: {RemedyChoices.Phrase(allowed)}. Which would suit you best?";
            return await AskAsync(dc, Remedy, again, Labels(allowed), cancellationToken).ConfigureAwait(false);
        }

        return await LeadAsync(dc, heapCase, null, want, extracted.Amount ?? heapCase.Facts.Amount, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the customer's wish when the policy allows it; otherwise says why not and offers what it does allow.</summary>
    private async Task<DialogTurnResult> LeadAsync(DialogContext dc, HeapCase heapCase, string? prefix, string? want, Money? amount, CancellationToken cancellationToken)
    {
        var allowed = Allowed(heapCase);
        if (want is null)
        {
            return await AskAsync(dc, Remedy, HeapMessages.Join(prefix, HeapTexts.RemedyQuestion), Labels(allowed), cancellationToken).ConfigureAwait(false);
        }

        if (await RefusalAsync(dc.Context, heapCase, want, amount, allowed, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            if (!heapCase.Tried.Contains(Refused + want))
            {
                heapCase.Tried.Add(Refused + want); // for the handoff context: what they wanted that policy ruled out
            }

            if (Bump(dc, Attempts) >= MaxAttempts)
            {
                await dc.Context.SendActivityAsync(refusal.Text, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(HeapActions.Ticket, cancellationToken).ConfigureAwait(false);
            }

            return await AskAsync(dc, Remedy, HeapMessages.Join(prefix, refusal.Text, "Which would you prefer?"), Labels(refusal.Alternatives), cancellationToken).ConfigureAwait(false);
        }

        if (prefix is not null)
        {
            await dc.Context.SendActivityAsync(prefix, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        heapCase.Facts.Amount = amount;
        return await dc.EndDialogAsync(want, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Text, IReadOnlyList<string> Alternatives)?> RefusalAsync(ITurnContext turnContext, HeapCase heapCase, string want, Money? amount, IReadOnlyList<string> allowed, CancellationToken cancellationToken)
    {
        var policy = Services.Policy;
        var others = allowed.Where(a => a != want).ToList();
        if (!allowed.Contains(want))
        {
            return (OutOfPolicy(Wants.Phrase(want), others.Count > 0 ? others : allowed), others.Count > 0 ? others : allowed);
        }

        if (want == HeapActions.Refund && amount is null && heapCase.Facts.OrderNumber is { } refundOrder
            && await Services.Actions.GetOrderAsync(refundOrder, cancellationToken).ConfigureAwait(false) is { Total: { } total } owned
            && await OwnsAsync(turnContext, owned, cancellationToken).ConfigureAwait(false))
        {
            amount = new Money(total, policy.Currency); // the order's value, told only to its own customer
        }

        if (want == HeapActions.Refund && amount is { } money && money.Amount > policy.RefundLimit)
        {
            var alternatives = others.Count > 0 ? others : [HeapActions.Ticket];
            return ($"I understand you'd like a refund of {money}. I'm not able to approve refunds over {new Money(policy.RefundLimit, money.Currency)} myself, but what I can do is {RemedyChoices.Phrase(alternatives)}.", alternatives);
        }

        if (want == HeapActions.Replacement && policy.Replacement.MaxOrderAgeDays > 0 && heapCase.Facts.OrderNumber is { } order
            && await Services.Actions.GetOrderAsync(order, cancellationToken).ConfigureAwait(false) is { OrderedAt: { } orderedAt } found
            && await OwnsAsync(turnContext, found, cancellationToken).ConfigureAwait(false)
            && Services.Time.GetUtcNow() - orderedAt > TimeSpan.FromDays(policy.Replacement.MaxOrderAgeDays))
        {
            var alternatives = others.Count > 0 ? others : [HeapActions.Ticket];
            return ($"I understand you'd like a replacement. I'm not able to replace orders more than {policy.Replacement.MaxOrderAgeDays} days old, but what I can do is {RemedyChoices.Phrase(alternatives)}.", alternatives);
        }

        return null;
    }

    /// <summary>An order's details count only for the customer the channel vouches for.</summary>
    private async Task<bool> OwnsAsync(ITurnContext turnContext, Actions.OrderSummary order, CancellationToken cancellationToken)
    {
        var profile = await Services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return order.CustomerId is not null && order.CustomerId == profile.CustomerId;
    }

    /// <summary>Prefix of a <see cref="HeapCase.Tried"/> entry for a wish the policy ruled out.</summary>
    internal const string Refused = "refused:";

    private static string OutOfPolicy(string wish, IReadOnlyList<string> alternatives) =>
        $"I understand you'd like {wish}. I'm not able to do that, but what I can do is {RemedyChoices.Phrase(alternatives)}.";

    private IReadOnlyList<string> Allowed(HeapCase heapCase) => Services.Policy.For(heapCase.Facts.IssueType ?? IssueTypes.Other).Actions;

    private static List<string> Labels(IEnumerable<string> actions) => actions.Select(HeapActions.Label).ToList();

    private async Task<Actions.KnowledgeHit?> SearchAsync(HeapCase heapCase, CancellationToken cancellationToken)
    {
        var question = heapCase.Said.Count > 0 ? string.Join(' ', heapCase.Said) : heapCase.Facts.Story;
        return string.IsNullOrWhiteSpace(question) ? null : await Services.Actions.SearchKnowledgeAsync(question, cancellationToken).ConfigureAwait(false);
    }
}
