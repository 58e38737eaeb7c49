using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment;

namespace SupportBot.Bot.AgentDesk;

/// <summary>Maps handoff cases and transcript activities to what the desk shows.</summary>
internal static class DeskViews
{
    public static DeskCaseSummary Summary(HandoffCase handoffCase) => new(
        handoffCase.Id,
        HandoffJson.Name(handoffCase.Status),
        handoffCase.Reason.Kind,
        handoffCase.Reason.Details,
        handoffCase.ChannelId,
        CustomerName(handoffCase),
        handoffCase.CreatedAt,
        handoffCase.UpdatedAt,
        handoffCase.Agent is { } agent ? new DeskAgent(agent.Id, agent.Name, agent.Hub) : null);

    /// <summary>The customer's name as the context or the channel knows it (never their bare channel id).</summary>
    public static string CustomerName(HandoffCase handoffCase)
    {
        var user = handoffCase.Reference.User;
        return handoffCase.Context.Customer.Name is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name
            : user?.Name is { Length: > 0 } display && !string.IsNullOrWhiteSpace(display) && display != user.Id ? display
            : "Unknown customer";
    }

    /// <summary>
    /// The case with its context and the conversation's transcript as stored now (so the agent sees what was said
    /// after the handoff began too). The mood chart plots the score recorded on each customer message; the
    /// context's trajectory fills in for a transcript without scores.
    /// </summary>
    public static DeskCaseDetail Detail(HandoffCase handoffCase, IReadOnlyList<Activity> transcript)
    {
        var context = handoffCase.Context;
        var customer = context.Customer;
        var messages = transcript.Select(a => Message(a, handoffCase)).OfType<DeskMessage>().ToList();
        var mood = transcript
            .Where(a => IsCustomer(a, handoffCase))
            .Select(a => (a, Score: SentimentMiddleware.ReadRecorded(a)))
            .Where(x => x.Score is not null)
            .Select(x => new DeskMoodPoint(x.a.Timestamp, x.Score!.Compound, x.Score.Upset, x.Score.Reasons))
            .ToList();
        if (mood.Count == 0)
        {
            mood = context.Mood.Points.Select(p => new DeskMoodPoint(p.At, p.Score, p.Upset, p.Reasons)).ToList();
        }

        return new DeskCaseDetail(
            Summary(handoffCase),
            new DeskContext(
                new DeskCustomer(
                    customer.Name,
                    customer.Identities.Select(i => new DeskIdentity(i.Channel, i.Id)).ToList(),
                    customer.OpenTickets.Select(Ticket).ToList(),
                    customer.PastTickets.Select(Ticket).ToList()),
                context.Stage,
                context.Facts.Select(f => new DeskFact(f.Key, f.Value)).ToList(),
                context.Said,
                context.Tried,
                context.Summary,
                context.Mood.Trend,
                context.Mood.Average,
                mood),
            messages);
    }

    /// <summary>A transcript message as a desk line; null for anything that is not a message with text.</summary>
    public static DeskMessage? Message(Activity activity, HandoffCase handoffCase)
    {
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(activity.Text))
        {
            return null;
        }

        if (IsCustomer(activity, handoffCase))
        {
            return new DeskMessage(activity.Id, "customer", activity.From?.Name is { Length: > 0 } name && name != activity.From.Id ? name : "Customer", activity.Text, activity.Timestamp);
        }

        // Agents speak from the bot's account under their own name (HandoffService.SendAsAgentAsync).
        var sender = activity.From?.Name;
        var isAgent = sender is { Length: > 0 } && handoffCase.Agent?.Name == sender;
        return new DeskMessage(activity.Id, isAgent ? "agent" : "bot", isAgent ? sender! : "Bot", activity.Text, activity.Timestamp);
    }

    /// <summary>
    /// A customer's message: marked as from the user, or unmarked and from the customer's account (bot replies carry
    /// the bot's account, often with no role).
    /// </summary>
    public static bool IsCustomer(Activity activity, HandoffCase handoffCase) =>
        activity.Type == ActivityTypes.Message
        && (activity.From?.Role == RoleTypes.User
            || (activity.From?.Role != RoleTypes.Bot && activity.From?.Id is { } from && from == handoffCase.Reference.User?.Id));

    private static string Ticket(HandoffTicket ticket) => $"{ticket.Reference} · {ticket.Status} · {ticket.Summary}";
}
