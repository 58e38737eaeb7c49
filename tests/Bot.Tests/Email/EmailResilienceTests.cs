using MimeKit;
using SupportBot.Bot.Tests.Email.Infrastructure;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Email;

/// <summary>Exactly once across mail-server restarts and SMTP outages (issue 7, points 3 and 6).</summary>
[Collection(MailServerCollection.Name)]
public sealed class EmailResilienceTests(MailServer mail)
{
    [Fact]
    public async Task MailServerRestartedAndSmtpDown_NothingLostNothingAnsweredTwice()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        await using var bot = await BotTestServer.StartAsync(mail.BotSettings(support));

        var before = CustomerMail.New(customer, support, "Before", "What are your opening hours?");
        await mail.SendAsync(before);
        await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, before.MessageId).Count == 1);

        // The whole mail server goes away under the bot's IMAP connections (IDLE and reader) and comes back.
        await mail.StopAsync();
        await mail.StartAsync();
        var after = CustomerMail.New(customer, support, "After", "How long does delivery take?");
        await mail.SendAsync(after);
        await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, after.MessageId).Count == 1);

        // SMTP down while a mail arrives (put into the mailbox directly): the reply waits in the outbox and
        // goes out once SMTP is back.
        await mail.StopSmtpAsync();
        var duringOutage = CustomerMail.New(customer, support, "During", "How do I reset my password?");
        await mail.AppendAsync(support, duringOutage);
        await WaitAsync(async () => (await bot.Outbox.ReadPendingAsync(10)).Count > 0, "the reply to wait in the outbox");
        await mail.StartSmtpAsync();
        await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, duringOutage.MessageId).Count == 1);

        await WaitAsync(async () => (await bot.Outbox.ReadPendingAsync(10)).Count == 0, "the outbox to empty");
        await mail.WaitQueueEmptyAsync();
        var inbox = await mail.ReadAsync(customer);
        Assert.Equal(3, inbox.Count);
        Assert.Equal(new[] { before.MessageId, after.MessageId, duringOutage.MessageId }.Order(), inbox.Select(m => m.InReplyTo).Order());
    }

    [Fact]
    public async Task UidValidityChanged_MailboxReReadWithoutAnsweringAnythingTwice()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        var folder = RepoPaths.NewTempFolder();
        var settings = mail.BotSettings(support);
        settings["Storage:Provider"] = "Sqlite";
        settings["Storage:DataFolder"] = folder;
        var before = CustomerMail.New(customer, support, "Before", "What are your opening hours?");
        await using (var bot = await BotTestServer.StartAsync(settings))
        {
            await mail.SendAsync(before);
            await mail.WaitForAsync(customer, m => m.Count == 1);
        }

        // The server renumbers the folder while the bot is away (a restored backup, a migrated mailbox).
        var oldValidity = await mail.UidValidityAsync(support);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // Dovecot takes the new UIDVALIDITY from the clock (seconds)
        mail.ResetUids(support);
        Assert.NotEqual(oldValidity, await mail.UidValidityAsync(support));
        var after = CustomerMail.New(customer, support, "After", "How long does delivery take?");
        await mail.SendAsync(after);
        await using (var bot = await BotTestServer.StartAsync(settings))
        {
            await mail.WaitForAsync(customer, m => MailServer.RepliesTo(m, after.MessageId).Count == 1);
            await WaitAsync(async () => (await bot.Outbox.ReadPendingAsync(10)).Count == 0, "the outbox to empty");
        }

        await mail.WaitQueueEmptyAsync();
        var inbox = await mail.ReadAsync(customer);
        Assert.Equal(new[] { before.MessageId, after.MessageId }.Order(), inbox.Select(m => m.InReplyTo).Order());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
