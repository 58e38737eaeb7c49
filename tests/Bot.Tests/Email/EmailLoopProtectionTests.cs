using MimeKit;
using SupportBot.Bot.Tests.Email.Infrastructure;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Email;

/// <summary>Loop and abuse protection (PROTOCOLS.md §5) against a real Postfix and Dovecot.</summary>
[Collection(MailServerCollection.Name)]
public sealed class EmailLoopProtectionTests(MailServer mail)
{
    [Fact]
    public async Task AutoRepliesBouncesAndListMail_GetNoAnswer_WhileARealMailDoes()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        await using var bot = await BotTestServer.StartAsync(mail.BotSettings(support));

        var outOfOffice = CustomerMail.New(customer, support, "Out of office", "I am away until Monday.");
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        var autoreply = CustomerMail.New(customer, support, "Automatic reply", "Thanks for your mail.");
        autoreply.Headers.Add("X-Autoreply", "yes");
        var bulk = CustomerMail.New(customer, support, "Newsletter", "Our spring sale!");
        bulk.Headers.Add("Precedence", "bulk");
        var list = CustomerMail.New(customer, support, "[list] digest", "Digest of the day.");
        list.Headers.Add("List-Id", "<shoppers.lists.customer.test>");
        await mail.SendAsync(outOfOffice);
        await mail.SendAsync(autoreply);
        await mail.SendAsync(bulk);
        await mail.SendAsync(list);

        // A bounce: empty envelope sender (Postfix writes Return-Path: <>), a delivery report from the mail system.
        await mail.SendRawAsync(string.Empty, support, $"""
            From: Mail Delivery System <MAILER-DAEMON@{MailServer.CustomerDomain}>
            To: {support}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-{Guid.NewGuid():N}@{MailServer.CustomerDomain}>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            This is the mail system. Your message could not be delivered.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mail.{MailServer.CustomerDomain}
            Final-Recipient: rfc822; nobody@{MailServer.CustomerDomain}
            Action: failed
            Status: 5.1.1
            --b1--
            """);

        // A real question after them (delivered last, so read last): once it is answered, the others were read.
        await mail.WaitForAsync(support, m => m.Count == 5);
        var question = CustomerMail.New(customer, support, "Opening hours", "What are your opening hours?");
        await mail.SendAsync(question);

        var inbox = await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, question.MessageId).Count > 0);
        var only = Assert.Single(inbox);
        Assert.Equal(question.MessageId, only.InReplyTo);
        var supportInbox = await mail.ReadAsync(support);
        Assert.Equal(6, supportInbox.Count); // nothing deleted: the ignored mails stay where they were
    }

    [Fact]
    public async Task SenderOverDailyCap_GetsNoFurtherAnswers()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        var other = mail.NewCustomerMailbox();
        var settings = mail.BotSettings(support);
        settings["Channels:Email:DailyCapPerSender"] = "2";
        await using var bot = await BotTestServer.StartAsync(settings);

        var mails = Enumerable.Range(1, 4).Select(i => CustomerMail.New(customer, support, $"Question {i}", "What are your opening hours?")).ToList();
        foreach (var message in mails)
        {
            await mail.SendAsync(message);
        }

        await mail.WaitForAsync(support, m => m.Count == 4); // the control mail comes after all four
        var control = CustomerMail.New(other, support, "Hours", "What are your opening hours?");
        await mail.SendAsync(control);
        await mail.WaitForAsync(other, m => m.Count == 1);

        var inbox = await mail.ReadAsync(customer);
        // The cap answers the first two mails to reach the mailbox, which need not be the first two sent:
        // the mail server may deliver concurrent submissions in either order.
        Assert.Equal(2, inbox.Count);
        var answered = inbox.Select(m => m.InReplyTo).ToList();
        Assert.Equal(2, answered.Distinct().Count());
        Assert.All(answered, id => Assert.Contains(id, mails.Select(m => m.MessageId)));
    }

    [Fact]
    public async Task OversizedAndUnreadableMail_IsMovedToReview_AndTheWatcherGoesOn()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        var settings = mail.BotSettings(support);
        settings["Channels:Email:MaxMessageBytes"] = "20000";
        await using var bot = await BotTestServer.StartAsync(settings);

        var big = CustomerMail.New(customer, support, "Photos", "Here are the photos of the damage.");
        var body = new Multipart("mixed") { new TextPart("plain") { Text = "Here are the photos of the damage." } };
        body.Add(new MimePart("image", "jpeg") { Content = new MimeContent(new MemoryStream(new byte[60_000])), FileName = "damage.jpg", ContentTransferEncoding = ContentEncoding.Base64 });
        big.Body = body;
        await mail.SendAsync(big);
        await mail.SendRawAsync(customer, support, """
            From: <<<not an address>>>
            To: nobody
            Subject: broken
            Message-ID: <broken-1@customer.test>

            garbage
            """);
        var question = CustomerMail.New(customer, support, "Opening hours", "What are your opening hours?");
        await mail.SendAsync(question);

        var inbox = await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, question.MessageId).Count > 0);
        Assert.Single(inbox);
        var review = await mail.WaitForAsync(support, m => m.Count == 2, folder: "SupportBot Review");
        Assert.Contains(review, m => m.Subject == "Photos");
        Assert.Contains(review, m => m.Subject == "broken");
        Assert.Single(await mail.ReadAsync(support)); // only the answered question is left in the inbox
    }
}
