using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>Reads a stored handoff case into what its Teams card shows.</summary>
internal static class CaseCardMapper
{
    /// <summary>The name the card gives the bot's own messages.</summary>
    public const string BotName = "SupportBot";

    public static CaseCard From(HandoffCase handoffCase, IReadOnlyList<Activity>? transcript = null, string? notice = null)
    {
        var context = handoffCase.Context;
        var customer = CustomerName(handoffCase);
        var points = context.Mood.Points;
        return new CaseCard
        {
            CaseId = handoffCase.Id,
            State = StateOf(handoffCase.Status),
            CustomerName = customer,
            Channel = context.Channel,
            Reason = handoffCase.Reason.Kind,
            ReasonDetails = handoffCase.Reason.Details,
            Stage = context.Stage,
            Summary = context.Summary,
            Facts = [.. context.Facts],
            Tried = context.Tried,
            Tickets = [.. context.Customer.OpenTickets.Select(t => $"{t.Reference} ({t.Status})"), .. context.Customer.PastTickets.Take(3).Select(t => $"{t.Reference} ({t.Status})")],
            MoodScores = [.. points.Select(p => p.Score)],
            MoodReasons = [.. points.TakeLast(3).SelectMany(p => p.Reasons).Distinct(StringComparer.Ordinal)],
            Transcript = Lines(transcript ?? context.Transcript, handoffCase, customer),
            AgentName = handoffCase.Agent?.Name,
            AgentHub = handoffCase.Agent?.Hub,
            Note = handoffCase.Note,
            Notice = notice,
            CreatedAt = handoffCase.CreatedAt,
        };
    }

    public static CaseCardState StateOf(HandoffStatus status) => status switch
    {
        HandoffStatus.Waiting => CaseCardState.Waiting,
        HandoffStatus.WithAgent => CaseCardState.WithAgent,
        HandoffStatus.Closed => CaseCardState.Resolved,
        HandoffStatus.ReturnedToBot => CaseCardState.ReturnedToBot,
        _ => CaseCardState.Failed,
    };

    /// <summary>The customer's name, else their id on their channel.</summary>
    public static string CustomerName(HandoffCase handoffCase) =>
        handoffCase.Context.Customer.Name is { Length: > 0 } name ? name
        : handoffCase.Reference.User?.Name is { Length: > 0 } userName ? userName
        : handoffCase.Reference.User?.Id ?? "Customer";

    /// <summary>The transcript's messages with text, each with who said it.</summary>
    private static List<CaseCardLine> Lines(IReadOnlyList<Activity> transcript, HandoffCase handoffCase, string customer)
    {
        var customerId = handoffCase.Reference.User?.Id;
        var lines = new List<CaseCardLine>();
        foreach (var activity in transcript)
        {
            if (activity.Type != ActivityTypes.Message)
            {
                continue;
            }

            var text = activity.Text;
            if (string.IsNullOrWhiteSpace(text))
            {
                var names = activity.Attachments?.Select(a => a.Name ?? a.ContentType).Where(n => n is not null).ToList();
                if (names is not { Count: > 0 })
                {
                    continue;
                }

                text = "(attachment: " + string.Join(", ", names) + ")";
            }

            var fromCustomer = activity.From?.Role == RoleTypes.User || (customerId is not null && activity.From?.Id == customerId);
            var speaker = fromCustomer ? customer
                : activity.From?.Role == RoleTypes.Bot && activity.From.Name is { Length: > 0 } botName && !IsBotName(botName) ? botName
                : BotName;
            lines.Add(new CaseCardLine(speaker, text, activity.Timestamp, fromCustomer));
        }

        return lines;
    }

    private static bool IsBotName(string name) =>
        string.Equals(name, BotName, StringComparison.OrdinalIgnoreCase) || string.Equals(name, "supportbot", StringComparison.OrdinalIgnoreCase);
}
