using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Actions;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// Provide: carries out the chosen action through the business actions, states the commitment with a
/// reference and the policy's time frame, and stores the follow-up that tells the customer when it is done.
/// </summary>
internal sealed class Provider(HeapServices services)
{
    public async Task<string> ProvideAsync(ITurnContext turnContext, HeapCase heapCase, string action, CancellationToken cancellationToken)
    {
        var facts = heapCase.Facts;
        var issueType = facts.IssueType ?? IssueTypes.Other;
        var issue = services.Policy.For(issueType);
        var urgent = facts.Deadline is not null || heapCase.WasUpset;
        var ticketId = await OpenTicketAsync(turnContext, heapCase, action, urgent ? "high" : "normal", cancellationToken).ConfigureAwait(false);
        heapCase.Action = action;
        heapCase.Tried.Add($"action:{action}");

        var when = issue.TimeFrame;
        var commitment = action switch
        {
            HeapActions.Replacement => $"I've arranged a replacement{For(facts)} — your reference is {ticketId}. Our team will get it on its way {when}, and I'll message you here as soon as it's done.",
            HeapActions.Refund => await RefundAsync(turnContext, facts, ticketId, when, cancellationToken).ConfigureAwait(false),
            HeapActions.Repair => $"I've booked a repair{For(facts)} — your reference is {ticketId}. Our team will be in touch {when} with the details, and I'll message you here when it's done.",
            HeapActions.Callback => $"I've booked a call back — your reference is {ticketId}. Our team works {services.Policy.AgentHours.Describe()} and will call you {when}.",
            _ => $"I've opened ticket {ticketId} so our team can look into it. You'll hear back {when}, and I'll message you here as soon as there's news.",
        };

        if (facts.Deadline is { } deadline)
        {
            commitment += $" I've marked it urgent because you need it sorted {(deadline.StartsWith("by", StringComparison.OrdinalIgnoreCase) || deadline.StartsWith("before", StringComparison.OrdinalIgnoreCase) ? deadline : "soon")}.";
        }

        await services.SetOutcomeAsync(turnContext, Outcomes.AwaitingFollowUp, ticketId, cancellationToken).ConfigureAwait(false);
        heapCase.Stage = HeapStages.FollowUp;
        return commitment;
    }

    /// <summary>Opens the case's ticket (once), remembers it for the customer and promises the follow-up.</summary>
    public async Task<string> OpenTicketAsync(ITurnContext turnContext, HeapCase heapCase, string action, string priority, CancellationToken cancellationToken)
    {
        if (heapCase.TicketId is { } existing)
        {
            return existing;
        }

        var facts = heapCase.Facts;
        var profile = await services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var summary = Summary(facts);
        var description = $"{Paraphrase.Of(facts)}\n\nCustomer said:\n{string.Join("\n", heapCase.Said.Select(s => "> " + s))}";
        var ticketId = await services.Actions.CreateTicketAsync(
            new NewTicket(summary, description, facts.IssueType ?? IssueTypes.Other, action, facts.OrderNumber, profile.CustomerId, turnContext.Activity.ChannelId ?? "unknown", priority, services.Policy.For(facts.IssueType ?? IssueTypes.Other).SlaHours),
            cancellationToken).ConfigureAwait(false);
        heapCase.TicketId = ticketId;
        profile.OpenTickets.RemoveAll(t => t.Id == ticketId);
        profile.OpenTickets.Add(new OpenTicket(ticketId, summary));
        await services.FollowUps.SaveAsync(turnContext, new TicketFollowUp(ticketId, summary, HeapServices.ReferenceOf(turnContext), services.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return ticketId;
    }

    /// <summary>"Order 4411 arrived damaged", "Phone isn't working", "Support request".</summary>
    internal static string Summary(CaseFacts facts)
    {
        var subject = facts.OrderNumber is { } order ? $"Order {order}" : facts.Product is { } product ? char.ToUpperInvariant(product[0]) + product[1..] : null;
        return (subject, facts.Problem) switch
        {
            ({ } s, { } p) => $"{s} {p.Replace("isn't what you ordered", "is not what was ordered", StringComparison.Ordinal)}",
            ({ } s, null) => $"{s}: support request",
            (null, { } p) => $"Order {p}",
            _ => "Support request",
        };
    }

    private async Task<string> RefundAsync(ITurnContext turnContext, CaseFacts facts, string ticketId, string when, CancellationToken cancellationToken)
    {
        var amount = facts.Amount?.Amount;
        var profile = await services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var refund = await services.Actions.RequestRefundAsync(facts.OrderNumber, amount, services.Policy.RefundLimit, Summary(facts), profile.CustomerId, cancellationToken).ConfigureAwait(false);
        var value = refund.Amount ?? amount;
        var money = value is { } v ? $" of {new Money(v, facts.Amount?.Currency ?? services.Policy.Currency)}" : string.Empty;
        return refund.Accepted
            ? $"I've requested your refund{money}{For(facts)} — your reference is {ticketId}{(refund.Reference is { } r && r != ticketId ? $" (refund {r})" : string.Empty)}. You'll get confirmation {when}, and I'll message you here when it's processed."
            : $"Your refund{money} needs a quick check by our team, so I've passed it on — your reference is {ticketId}. You'll hear back {when}, and I'll message you here as soon as it's decided.";
    }

    private static string For(CaseFacts facts) => facts.OrderNumber is { } order ? $" for order {order}" : string.Empty;
}
