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
        var support = mail.AddMailbox("support", MailServer.SupportDomain);
        var customer = mail.AddMailbox("sam", MailServer.CustomerDomain);
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
}
