using MimeKit;
using SupportBot.Bot.Tests.Email.Infrastructure;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Email;

/// <summary>The email channel against a real Postfix and Dovecot: the customer writes over SMTP, the test reads their mailbox over IMAP.</summary>
[Collection(MailServerCollection.Name)]
public sealed class EmailChannelTests(MailServer mail)
{
    [Fact]
    public async Task CustomerMail_IsAnsweredInItsThread()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        await using var bot = await BotTestServer.StartAsync(mail.BotSettings(support));
        var complaint = CustomerMail.New(customer, support, "Cracked screen",
            "Hello,\n\nmy order 4411 arrived with a cracked screen and I need it by Friday.\n\nThanks\n-- \nSam Rivera\nSent from my phone\n", "Sam Rivera");

        await mail.SendAsync(complaint);

        var inbox = await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, complaint.MessageId).Count > 0);
        var reply = Assert.Single(MailServer.RepliesTo(inbox, complaint.MessageId));
        Assert.Equal("Re: Cracked screen", reply.Subject);
        Assert.Equal(support, reply.From.Mailboxes.Single().Address);
        Assert.Matches(@"^support\d+\+em-[0-9a-f]+@support\.test$", reply.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains(complaint.MessageId, reply.References);
        Assert.Equal("auto-replied", reply.Headers["Auto-Submitted"]);
        Assert.NotNull(reply.HtmlBody);
        Assert.Contains("4411", reply.TextBody);
        Assert.Contains("4411", reply.HtmlBody);
    }

    [Fact]
    public async Task HeapConversation_ByEmail_ReflectsApologisesOffersInOneMail_ThenCommitsOnTheReply()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        await using var bot = await BotTestServer.StartAsync(mail.BotSettings(support));
        var complaint = CustomerMail.New(customer, support, "Order 4411",
            "Hi,\n\nmy order 4411 arrived with a cracked screen and I need it by Friday. Really disappointed.\n\nKim\n", "Kim Lee");

        await mail.SendAsync(complaint);
        var inbox = await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, complaint.MessageId).Count > 0);
        var first = Assert.Single(MailServer.RepliesTo(inbox, complaint.MessageId));
        var text = first.TextBody;
        Assert.Contains("order 4411", text);                         // reflection
        Assert.Contains("cracked screen", text);
        Assert.Contains("tell me in your reply", text);
        Assert.Matches("(?i)sorry|apolog", text);             // apology
        Assert.Contains("1. Replacement", text);                      // options as a list to answer by reply
        Assert.Contains("2. Refund", text);
        Assert.DoesNotContain("(1) Replacement", text);
        Assert.Contains("<ol><li>Replacement</li>", first.HtmlBody);

        var choice = CustomerMail.Reply(first, customer, "Replacement please.");
        await mail.SendAsync(choice);
        inbox = await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, choice.MessageId).Count > 0);
        var second = Assert.Single(MailServer.RepliesTo(inbox, choice.MessageId));
        Assert.Matches(@"reference is T-\d+", second.TextBody);
        Assert.Contains("replacement", second.TextBody);
        Assert.Equal("Re: Order 4411", second.Subject);
        Assert.Equal(first.ReplyTo.Mailboxes.Single().Address, second.ReplyTo.Mailboxes.Single().Address); // same conversation
        Assert.Equal(new[] { complaint.MessageId!, first.MessageId!, choice.MessageId! }, second.References.ToArray());
        Assert.Equal(2, inbox.Count); // one mail per customer mail, nothing else
    }
}
