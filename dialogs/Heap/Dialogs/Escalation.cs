using System.Globalization;
using SupportBot.Core.Handoff;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Empathy;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// Hands the customer to a person. Within agent hours, with an agent hub to take it, that is a live
/// handoff (<see cref="HandoffService.InitiateAsync"/>): the customer hears honestly that a person is coming,
/// where they are in the queue, and what happens if nobody is free in time. Outside agent hours (or with no
/// hub) it is a high-priority ticket with everything heard so far and a promise that a person follows up.
/// </summary>
internal sealed class Escalation(HeapServices services, Provider provider)
{
    public async Task EscalateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var heapCase = await services.CaseAsync(turnContext, cancellationToken).ConfigureAwait(false);
        HearDialog.Listen(turnContext, heapCase);
        heapCase.Hear(turnContext.Activity.Text);
        var hours = services.Policy.AgentHours;
        var open = hours.IsOpen(services.Time.GetUtcNow());
        var when = open
            ? "Someone will pick it up shortly and reply right here."
            : $"Our team works {hours.Describe()}, and someone will get back to you here as soon as they're in.";
        if (heapCase.Escalated && heapCase.TicketId is { } existing)
        {
            await turnContext.SendActivityAsync($"A person from our team already has your case ({existing}) and will be in touch. {when}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // A calm "talk to a person" gets no apology; an angry customer gets at least a strong one.
        var level = heapCase.WasUpset
            ? (EmpathyLevel)Math.Max((int)EmpathyLevel.Strong, (int)EmpathyBank.LevelFor(SentimentTurn.Of(turnContext)?.Result, hasProblem: true))
            : EmpathyLevel.None;
        var empathy = EmpathyBank.Pick(level, heapCase.Facts.IssueType, heapCase.UsedPhrasings, heapCase.UsedPhrasings.Count);
        if (open && services.Handoff is { IsAvailable: true } handoff)
        {
            await HandOverAsync(turnContext, handoff, heapCase, empathy, cancellationToken).ConfigureAwait(false);
            return;
        }

        var ticketId = await provider.OpenTicketAsync(turnContext, heapCase, "handoff", "urgent", cancellationToken).ConfigureAwait(false);
        heapCase.Escalated = true;
        heapCase.Stage = HeapStages.Done;
        await services.SetOutcomeAsync(turnContext, Outcomes.Escalated, ticketId, cancellationToken).ConfigureAwait(false);
        var text = HeapMessages.Join(
            empathy,
            $"I'm bringing in a person from our team. I've opened ticket {ticketId} with everything you've told me, so you won't have to repeat yourself.",
            when);
        await turnContext.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task HandOverAsync(ITurnContext turnContext, HandoffService handoff, HeapCase heapCase, string? empathy, CancellationToken cancellationToken)
    {
        var profile = await services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var initiation = await handoff.InitiateAsync(turnContext, RequestOf(turnContext, heapCase, profile), cancellationToken).ConfigureAwait(false);
        heapCase.Escalated = true;
        heapCase.Stage = HeapStages.Done;
        await services.SetOutcomeAsync(turnContext, Outcomes.Escalated, null, cancellationToken).ConfigureAwait(false);
        var queue = initiation.Position switch
        {
            0 => "A person from our team already has your conversation.",
            1 => "You're next in line.",
            var p => $"There {(p == 2 ? "is 1 person" : $"are {p - 1} people")} ahead of you.",
        };
        var minutes = Math.Max(1, (int)Math.Round(handoff.Options.AcceptTimeout.TotalMinutes));
        var text = HeapMessages.Join(
            empathy,
            "I'm bringing in a person from our team. They'll see everything you've told me, so you won't have to repeat yourself.",
            queue,
            $"If nobody is free within {minutes.ToString(CultureInfo.InvariantCulture)} minute{(minutes == 1 ? string.Empty : "s")}, I'll tell you and arrange a call back or a ticket instead.");
        await turnContext.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dialog's snapshot as plain data: why, how far HEAP got, the facts, what was tried.</summary>
    internal static HandoffRequest RequestOf(ITurnContext turnContext, HeapCase heapCase, CustomerProfile profile)
    {
        var sentiment = SentimentTurn.Of(turnContext);
        var details = (sentiment?.Escalation.Reasons ?? []).Concat(sentiment?.Result.Reasons ?? []).Distinct(StringComparer.Ordinal).ToList();
        // Why a person: they asked; the bot's solutions failed; they were upset after the policy ruled out
        // what they wanted; or their mood alone.
        var kind = HeapServices.AsksForPerson(turnContext) ? HandoffReasonKinds.ExplicitRequest
            : details.Contains(EscalationReasons.FailedResolutions) ? HandoffReasonKinds.RepeatedFailure
            : heapCase.Tried.Exists(t => t.StartsWith(LeadDialog.Refused, StringComparison.Ordinal)) ? HandoffReasonKinds.OutsidePolicy
            : HandoffReasonKinds.Sentiment;
        return new HandoffRequest
        {
            Reason = new HandoffReason(kind, details),
            Stage = heapCase.Stage,
            Facts = FactsOf(heapCase.Facts),
            Said = heapCase.Said.ToList(),
            Tried = heapCase.Tried.ToList(),
            CustomerName = profile.Name,
            CustomerId = profile.CustomerId,
        };
    }

    private static Dictionary<string, string> FactsOf(CaseFacts facts)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                named[name] = value;
            }
        }

        Add("orderNumber", facts.OrderNumber);
        Add("ticketId", facts.TicketId);
        Add("product", facts.Product);
        Add("amount", facts.Amount?.ToString());
        Add("deadline", facts.Deadline);
        Add("issueType", facts.IssueType);
        Add("problem", facts.Problem);
        Add("detail", facts.Detail);
        Add("want", facts.Want is { } want ? Wants.Phrase(want) : null);
        return named;
    }
}
