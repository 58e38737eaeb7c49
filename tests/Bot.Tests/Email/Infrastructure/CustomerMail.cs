using MimeKit;

namespace SupportBot.Bot.Tests.Email.Infrastructure;

/// <summary>Customer mails as a mail client writes them.</summary>
internal static class CustomerMail
{
    public static MimeMessage New(string from, string to, string subject, string body, string? name = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailServer.CustomerDomain), Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress(name ?? string.Empty, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>The customer's reply to <paramref name="original"/>, quoting it below their answer as mail clients do.</summary>
    public static MimeMessage Reply(MimeMessage original, string from, string body)
    {
        var reply = new MimeMessage { Subject = "Re: " + original.Subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailServer.CustomerDomain), Date = DateTimeOffset.UtcNow, InReplyTo = original.MessageId };
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.AddRange(original.ReplyTo.Count > 0 ? original.ReplyTo : original.From);
        foreach (var reference in original.References)
        {
            reply.References.Add(reference);
        }

        reply.References.Add(original.MessageId!);
        var quoted = string.Join("\n", (original.TextBody ?? string.Empty).Split('\n').Select(l => "> " + l));
        reply.Body = new TextPart("plain") { Text = $"{body}\n\nOn {original.Date:ddd, d MMM yyyy} at {original.Date:HH:mm}, Support <{original.From.Mailboxes.First().Address}> wrote:\n{quoted}\n" };
        return reply;
    }
}
