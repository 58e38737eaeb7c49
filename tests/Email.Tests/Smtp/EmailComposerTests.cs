using SupportBot.Connectors.Email;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Smtp;
using SupportBot.Core.Schema;

namespace SupportBot.Email.Tests.Smtp;

public sealed class EmailComposerTests
{
    private static readonly EmailOptions Options = new() { SupportAddress = "support@shop.example", SupportName = "Shop Support" };
    private static readonly ThreadRecord Thread = new("sam@customer.example", "Sam <b>Rivera</b>", "Re: RE: Broken screen", "c2@customer.example", ["c1@customer.example", "c2@customer.example"]);

    [Fact]
    public void Compose_Reply_ThreadsFromTheSupportAddressAndIsMarkedAutoReplied()
    {
        var mail = EmailComposer.Compose(ActivityExtensions.CreateMessage("Thanks, Sam."), Thread, Options, "sb.em-1.a1@shop.example", "support+em-1@shop.example", DateTimeOffset.UnixEpoch);

        Assert.Equal("Re: Broken screen", mail.Subject);
        Assert.Equal("c2@customer.example", mail.InReplyTo);
        Assert.Equal(["c1@customer.example", "c2@customer.example"], mail.References);
        Assert.Equal("support@shop.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal("support+em-1@shop.example", mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("sam@customer.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", mail.Headers["Auto-Submitted"]);
        Assert.Equal("sb.em-1.a1@shop.example", mail.MessageId);
        Assert.Contains("Thanks, Sam.", mail.TextBody);
        Assert.Contains("<p>Thanks, Sam.</p>", mail.HtmlBody);
    }

    [Fact]
    public void Compose_InlineNumberedOptions_BecomeANumberedListAnsweredByReply()
    {
        var activity = ActivityExtensions.CreateMessage("What would make this right for you? (1) Replacement, (2) Refund, or (3) Call me back");
        activity.SuggestedActions = new SuggestedActions { Actions = [Action("Replacement"), Action("Refund"), Action("Call me back")] };

        var mail = EmailComposer.Compose(activity, Thread, Options, "id@shop.example", "support+em-1@shop.example", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("(1)", mail.TextBody);
        Assert.Contains("What would make this right for you?\n\n  1. Replacement\n  2. Refund\n  3. Call me back\n", mail.TextBody);
        Assert.Contains("reply to this email with the number or the name", mail.TextBody);
        Assert.Contains("<ol><li>Replacement</li><li>Refund</li><li>Call me back</li></ol>", mail.HtmlBody);
    }

    [Fact]
    public void Compose_OptionsWithoutInlineList_AreListedByName()
    {
        var activity = ActivityExtensions.CreateMessage("Is that right?");
        activity.SuggestedActions = new SuggestedActions { Actions = [Action("Yes"), Action("No")] };

        var mail = EmailComposer.Compose(activity, Thread, Options, "id@shop.example", "support+em-1@shop.example", DateTimeOffset.UnixEpoch);

        Assert.Contains("  - Yes\n  - No\n", mail.TextBody);
        Assert.Contains("<ul><li>Yes</li><li>No</li></ul>", mail.HtmlBody);
    }

    [Fact]
    public void Compose_CustomerWordsInTheText_AreHtmlEncoded()
    {
        var mail = EmailComposer.Compose(ActivityExtensions.CreateMessage("So your <script>alert(1)</script> arrived broken."), Thread, Options, "id@shop.example", "support+em-1@shop.example", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
    }

    private static CardAction Action(string title) => new() { Type = "imBack", Title = title, Value = System.Text.Json.JsonSerializer.SerializeToElement(title) };
}
