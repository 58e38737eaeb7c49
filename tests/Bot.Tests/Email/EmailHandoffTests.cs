using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Tests.Email.Infrastructure;
using SupportBot.Bot.Tests.Handoff;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.Tests.Email;

/// <summary>Handoff by email (issue 7, point 5): the agent's words go out as mails in the customer's thread, the customer's replies reach the agent.</summary>
[Collection(MailServerCollection.Name)]
public sealed class EmailHandoffTests(MailServer mail)
{
    private static readonly AgentRef Ana = new("ana", "Ana", AgentHubs.Desk);

    [Fact]
    public async Task Escalation_AgentRepliesByMailInTheThread_CustomerReplyReachesTheHub()
    {
        var support = mail.NewSupportMailbox();
        var customer = mail.NewCustomerMailbox();
        await using var host = await HandoffHost.StartAsync(mail.BotSettings(support));

        var complaint = CustomerMail.New(customer, support, "Broken screen",
            "My order 4411 arrived with a cracked screen. I want to talk to a person.\n\nSam\n", "Sam Rivera");
        await mail.SendAsync(complaint);
        var promise = Assert.Single(MailServer.RepliesTo(await mail.WaitForAsync(customer, m => m.Count >= 1), complaint.MessageId));
        Assert.Contains("bringing in a person", promise.TextBody);
        var (_, handoffCase, _, _) = await host.Hub.WaitForAsync("initiated");
        Assert.Equal("email", handoffCase.ChannelId);

        Assert.Equal(AcceptOutcome.Accepted, (await host.Handoff.AcceptAsync(handoffCase.Id, Ana)).Outcome);
        Assert.Equal(HandoffActionOutcome.Done, await host.Handoff.SendToCustomerAsync(handoffCase.Id, Ana, "Sorry about the screen, Sam. A courier collects it tomorrow."));
        var inbox = await mail.WaitForAsync(customer, m => m.Exists(x => (x.TextBody ?? string.Empty).Contains("A courier collects it tomorrow.", StringComparison.Ordinal)));
        var agentMail = inbox.Single(x => (x.TextBody ?? string.Empty).Contains("A courier collects it tomorrow.", StringComparison.Ordinal));
        Assert.Equal("Re: Broken screen", agentMail.Subject);
        Assert.Equal(complaint.MessageId, agentMail.InReplyTo);
        Assert.Contains(complaint.MessageId, agentMail.References);
        Assert.Equal(promise.ReplyTo.Mailboxes.Single().Address, agentMail.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", agentMail.Headers["Auto-Submitted"]);

        var mailsBefore = inbox.Count;
        var answer = CustomerMail.Reply(agentMail, customer, "Great, what time tomorrow?");
        await mail.SendAsync(answer);
        var routed = await host.Hub.WaitForAsync("customer", t => t == "Great, what time tomorrow?"); // quoted history stripped
        Assert.Equal(handoffCase.Id, routed.Case.Id);

        // The bot stays quiet while the agent has the conversation: nothing answers the customer's reply.
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        Assert.Empty(await outbox.ReadPendingAsync(10));
        await mail.WaitQueueEmptyAsync();
        var after = await mail.ReadAsync(customer);
        Assert.Equal(mailsBefore, after.Count);
        Assert.Empty(MailServer.RepliesTo(after, answer.MessageId));
    }
}
