using System.Text;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>
/// The reflection a good agent gives after listening: "So your order 4411 arrived damaged — a cracked
/// screen — and you need it sorted before Friday. Is that right?"
/// </summary>
internal static class Paraphrase
{
    public const string Question = "Is that right?";

    /// <summary>The reflection said, not asked: for customers who answer by reply, with an invitation to correct it.</summary>
    public static string Statement(CaseFacts facts)
    {
        var asked = Of(facts);
        var said = asked.EndsWith(Question, StringComparison.Ordinal) ? asked[..^Question.Length].TrimEnd() : asked;
        return $"{said} If I've got any of that wrong, just tell me in your reply.";
    }

    public static string Of(CaseFacts facts)
    {
        var text = new StringBuilder("So ");
        var dashed = false; // after "— a cracked screen —" the next clause needs no comma
        var story = facts.Story is { Length: > 0 } told ? told.TrimEnd('.', ' ', '!', ',') : null;
        if (story is not null && facts.IssueType is null && facts.Want is not null && story.Split(' ').Length <= 4)
        {
            story = null; // "call me back" is a wish, said back as one: "you'd like a call back"
        }

        var generic = facts.OrderNumber is null && facts.Product is null;
        if (facts.IssueType == Policy.IssueTypes.Billing)
        {
            // "you were charged twice for order 4398" reads better than "your order was charged incorrectly".
            text.Append("you were ").Append(facts.Detail ?? "charged incorrectly");
            if (facts.OrderNumber is { } billed)
            {
                text.Append(" for order ").Append(billed);
            }
        }
        else if (facts.Problem is { } problem && !(generic && story is not null))
        {
            text.Append(Subject(facts)).Append(' ').Append(problem);
            if (facts.IssueType == Policy.IssueTypes.Damaged && facts.Detail is { } detail && !problem.Contains(detail, StringComparison.OrdinalIgnoreCase))
            {
                text.Append(" — ").Append(Article(detail)).Append(" —");
                dashed = true;
            }
        }
        else if (story is not null)
        {
            // Their own words, turned round: "you can't log in", "your parcel arrived broken".
            text.Append(story);
            if (facts.OrderNumber is { } order && !story.Contains(order, StringComparison.Ordinal))
            {
                text.Append(" (order ").Append(order).Append(')');
            }
        }
        else if (facts.Want is { } only && facts.OrderNumber is null && facts.Product is null)
        {
            return $"So you'd like {Wants.Phrase(only)}. {Question}";
        }
        else
        {
            text.Append("you need a hand with ").Append(Subject(facts));
        }

        var said = text.ToString();
        if (facts.Amount is { } amount && !Contains(text, amount.ToString()) && !said.Contains(amount.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            text.Append(dashed ? " about " : ", about ").Append(amount);
            dashed = false;
        }

        if (facts.Want is { } want && !Mentions(said, want))
        {
            text.Append(dashed ? " and you'd like " : ", and you'd like ").Append(Wants.Phrase(want));
            dashed = false;
        }

        if (facts.Deadline is { } deadline && !said.Contains(deadline, StringComparison.OrdinalIgnoreCase))
        {
            text.Append(facts.Want is not null ? " —" : dashed ? " and" : ", and").Append(" you need it sorted ").Append(Deadline(deadline));
        }

        var sentence = text.ToString().TrimEnd('—', ' ');
        return $"{sentence}. {Question}";
    }

    /// <summary>"your phone (order 4411)", "your order 4411", "your phone", "your order".</summary>
    public static string Subject(CaseFacts facts) => (facts.Product, facts.OrderNumber) switch
    {
        ({ } product, { } order) => $"your {product} (order {order})",
        (null, { } order) => $"your order {order}",
        ({ } product, null) => $"your {product}",
        _ => facts.TicketId is { } ticket ? $"ticket {ticket}" : "your order",
    };

    private static string Deadline(string deadline)
    {
        string[] prepositions = ["by ", "before ", "until ", "till ", "no later "];
        return prepositions.Any(p => deadline.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? deadline
            : deadline.Equals("asap", StringComparison.OrdinalIgnoreCase) || deadline.Equals("urgently", StringComparison.OrdinalIgnoreCase) ? "urgently"
            : $"by {deadline}";
    }

    private static string Article(string detail) =>
        detail.EndsWith('s') ? detail : ("aeiou".Contains(char.ToLowerInvariant(detail[0])) ? "an " : "a ") + detail;

    private static bool Mentions(string said, string want) => want switch
    {
        Wants.Refund => said.Contains("refund", StringComparison.OrdinalIgnoreCase) || said.Contains("money back", StringComparison.OrdinalIgnoreCase),
        Wants.Replacement => said.Contains("replace", StringComparison.OrdinalIgnoreCase) || said.Contains("new one", StringComparison.OrdinalIgnoreCase),
        _ => said.Contains(want, StringComparison.OrdinalIgnoreCase),
    };

    private static bool Contains(StringBuilder text, string value) => text.ToString().Contains(value, StringComparison.Ordinal);
}
