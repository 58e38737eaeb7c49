using System.Net;
using System.Text;
using MimeKit;
using SupportBot.Connectors.Email.Client;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.Email.Smtp;

/// <summary>
/// Builds the bot's mail for one outgoing message: a real reply in the customer's thread (<c>In-Reply-To</c>,
/// <c>References</c>, "Re:" subject) from the support address with the thread's plus address as Reply-To,
/// marked <c>Auto-Submitted: auto-replied</c> (RFC 3834), as plain text with an HTML alternative. Suggested
/// actions become a list the customer answers by replying.
/// </summary>
internal static class EmailComposer
{
    public static MimeMessage Compose(Activity activity, ThreadRecord thread, EmailOptions options, string messageId, string replyAddress, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            MessageId = messageId,
            Date = now,
            Subject = ReplySubject(thread.Subject),
        };
        message.From.Add(new MailboxAddress(options.SupportName, options.SupportAddress));
        message.ReplyTo.Add(new MailboxAddress(options.SupportName, replyAddress));
        message.To.Add(new MailboxAddress(thread.CustomerName ?? string.Empty, thread.CustomerAddress));
        if (thread.LastInboundMessageId is { } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in thread.References)
        {
            message.References.Add(reference);
        }

        message.Headers.Add("Auto-Submitted", "auto-replied");
        // Asks Exchange and Outlook not to send out-of-office notices back to the bot.
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var (text, choices, numbered) = Body(activity);
        var builder = new BodyBuilder
        {
            TextBody = PlainText(text, choices, numbered, options.SupportName),
            HtmlBody = Html(text, choices, numbered, options.SupportName),
        };
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>"Re: " once, however many the customer's client added.</summary>
    public static string ReplySubject(string subject)
    {
        var bare = subject.Trim();
        while (bare.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("AW:", StringComparison.OrdinalIgnoreCase))
        {
            bare = bare[3..].TrimStart();
        }

        return "Re: " + bare;
    }

    /// <summary>
    /// The text and the choices to list. When the text already ends with the dialog's inline list
    /// ("… (1) Replacement, (2) Refund, or (3) Call me back") it is taken off and the list is numbered
    /// (the dialog accepts the numbers); otherwise the choices are listed by name.
    /// </summary>
    internal static (string Text, IReadOnlyList<string> Choices, bool Numbered) Body(Activity activity)
    {
        var text = activity.Text?.Trim() ?? string.Empty;
        var choices = activity.SuggestedActions?.Actions?.Select(a => a.Title ?? a.Value?.ToString() ?? string.Empty).Where(t => t.Length > 0).ToList() ?? [];
        if (choices.Count == 0)
        {
            return (text, choices, false);
        }

        var inline = InlineList(choices);
        if (text.EndsWith(inline, StringComparison.Ordinal))
        {
            return (text[..^inline.Length].TrimEnd(), choices, true);
        }

        return (text, choices, false);
    }

    private static string InlineList(IReadOnlyList<string> choices)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append(i == 0 ? " " : i == choices.Count - 1 ? (choices.Count == 2 ? " or " : ", or ") : ", ");
            builder.Append('(').Append(i + 1).Append(") ").Append(choices[i]);
        }

        return builder.ToString();
    }

    private static string PlainText(string text, IReadOnlyList<string> choices, bool numbered, string signature)
    {
        var builder = new StringBuilder(text).Append("\n\n");
        if (choices.Count > 0)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                builder.Append(numbered ? $"  {i + 1}. " : "  - ").Append(choices[i]).Append('\n');
            }

            builder.Append('\n').Append(Instruction(numbered)).Append("\n\n");
        }

        return builder.Append("-- \n").Append(signature).Append('\n').ToString();
    }

    private static string Html(string text, IReadOnlyList<string> choices, bool numbered, string signature)
    {
        // Bot text can repeat the customer's own words: encode everything.
        var builder = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;font-size:14px;line-height:1.5\">");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Trim()).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (choices.Count > 0)
        {
            builder.Append(numbered ? "<ol>" : "<ul>");
            foreach (var choice in choices)
            {
                builder.Append("<li>").Append(WebUtility.HtmlEncode(choice)).Append("</li>");
            }

            builder.Append(numbered ? "</ol>" : "</ul>").Append("<p>").Append(WebUtility.HtmlEncode(Instruction(numbered))).Append("</p>");
        }

        return builder.Append("<p style=\"color:#555\">-- <br>").Append(WebUtility.HtmlEncode(signature)).Append("</p></body></html>").ToString();
    }

    private static string Instruction(bool numbered) => numbered
        ? "Just reply to this email with the number or the name of your choice."
        : "Just reply to this email with your answer.";
}
