using MimeKit;
using SupportBot.Connectors.Email;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Threading;
using SupportBot.Core.Storage;

namespace SupportBot.Email.Tests.Threading;

public sealed class EmailThreadingTests
{
    private static readonly EmailOptions Options = new() { SupportAddress = "support@shop.example" };

    private readonly EmailStore _store = new(new MemoryStorage());

    [Fact]
    public async Task Resolve_NewMail_ConversationDerivedFromItsMessageId()
    {
        var threading = new EmailThreading(_store, Options);
        var mail = Mail("a1@customer.example");

        var first = await threading.ResolveAsync(mail, "a1@customer.example");
        var again = await threading.ResolveAsync(mail, "a1@customer.example");

        Assert.StartsWith("em-", first, StringComparison.Ordinal);
        Assert.Equal(first, again); // read twice (a crash, a UIDVALIDITY change): the same conversation
    }

    [Fact]
    public async Task Resolve_ReplyToABotMail_JoinsThatConversation()
    {
        var threading = new EmailThreading(_store, Options);
        await _store.UpdateThreadAsync("em-abc", _ => Thread());
        var reply = Mail("a2@customer.example");
        reply.InReplyTo = threading.BotMessageId("em-abc", "act1");

        Assert.Equal("em-abc", await threading.ResolveAsync(reply, "a2@customer.example"));
    }

    [Fact]
    public async Task Resolve_NoThreadingHeadersButThePlusAddress_JoinsThatConversation()
    {
        var threading = new EmailThreading(_store, Options);
        await _store.UpdateThreadAsync("em-abc", _ => Thread());
        var reply = Mail("a3@customer.example", to: "Support+em-abc@shop.example");

        Assert.Equal("em-abc", await threading.ResolveAsync(reply, "a3@customer.example"));
    }

    [Fact]
    public async Task Resolve_ReferencesAnEarlierCustomerMail_JoinsItsConversation()
    {
        var threading = new EmailThreading(_store, Options);
        await _store.SetMessageAsync("a1@customer.example", new MessageRecord("em-abc", "answered", DateTimeOffset.UnixEpoch));
        var followUp = Mail("a4@customer.example");
        followUp.References.Add("a1@customer.example");

        Assert.Equal("em-abc", await threading.ResolveAsync(followUp, "a4@customer.example"));
    }

    [Fact]
    public async Task Resolve_PlusAddressOfAnUnknownConversation_StartsANewOne()
    {
        var threading = new EmailThreading(_store, Options);
        var forged = Mail("a5@customer.example", to: "support+em-doesnotexist@shop.example");

        Assert.Equal(EmailThreading.NewConversationId("a5@customer.example"), await threading.ResolveAsync(forged, "a5@customer.example"));
    }

    private static ThreadRecord Thread() => new("sam@customer.example", "Sam", "Broken screen", "a1@customer.example", ["a1@customer.example"]);

    private static MimeMessage Mail(string messageId, string to = "support@shop.example")
    {
        var message = new MimeMessage { MessageId = messageId, Subject = "Hello", Body = new TextPart("plain") { Text = "Hi" } };
        message.From.Add(MailboxAddress.Parse("sam@customer.example"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
