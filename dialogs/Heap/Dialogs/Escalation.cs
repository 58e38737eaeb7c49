using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Empathy;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// Hands the customer to a person: until the handoff feature exists, that means a high-priority ticket
/// with everything heard so far, a promise that a person follows up, and the outcome "escalated".
/// </summary>
internal sealed class Escalation(HeapServices services, Provider provider)
{
    public async Task EscalateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var heapCase = await services.CaseAsync(turnContext, cancellationToken).ConfigureAwait(false);
        HearDialog.Listen(turnContext, heapCase);
        heapCase.Hear(turnContext.Activity.Text);
        var hours = services.Policy.AgentHours;
        var when = hours.IsOpen(services.Time.GetUtcNow())
            ? "Someone will pick it up shortly and reply right here."
            : $"Our team works {hours.Describe()}, and someone will get back to you here as soon as they're in.";
        if (heapCase.Escalated && heapCase.TicketId is { } existing)
        {
            await turnContext.SendActivityAsync($"A person from our team already has your case ({existing}) and will be in touch. {when}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // A calm "talk to a person" gets no apology; an angry customer gets at least a strong one.
        var level = heapCase.WasUpset
            ? (EmpathyLevel)Math.Max((int)EmpathyLevel.Strong, (int)EmpathyBank.LevelFor(Core.Sentiment.SentimentTurn.Of(turnContext)?.Result, hasProblem: true))
            : EmpathyLevel.None;
        var empathy = EmpathyBank.Pick(level, heapCase.Facts.IssueType, heapCase.UsedPhrasings, heapCase.UsedPhrasings.Count);
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
}
