using MimeKit;
using SupportBot.Connectors.Email.Mime;

namespace SupportBot.Email.Tests.Mime;

public sealed class LoopGuardTests
{
    private const string Support = "support@shop.example";

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "auto-submitted")]
    [InlineData("Auto-Submitted", "auto-generated", "auto-submitted")]
    [InlineData("X-Autoreply", "yes", "x-autoreply")]
    [InlineData("X-Auto-Response-Suppress", "All", "auto-response-suppressed")]
    [InlineData("Precedence", "bulk", "precedence-bulk")]
    [InlineData("Precedence", "junk", "precedence-junk")]
    [InlineData("Precedence", "list", "precedence-list")]
    [InlineData("List-Id", "<news.shop.example>", "mailing-list")]
    [InlineData("List-Unsubscribe", "<mailto:leave@shop.example>", "mailing-list")]
    [InlineData("Return-Path", "<>", "null-sender")]
    public void ReasonNotToAnswer_AutomaticMail_IsNamed(string header, string value, string reason)
    {
        var message = Mail("sam@customer.example");
        message.Headers.Add(header, value);

        Assert.Equal(reason, LoopGuard.ReasonNotToAnswer(message, Support));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@customer.example", "system-sender")]
    [InlineData("postmaster@customer.example", "system-sender")]
    [InlineData("support@shop.example", "own-address")]
    [InlineData("Support+em-123@Shop.Example", "own-address")]
    public void ReasonNotToAnswer_SystemOrOwnSender_IsNamed(string from, string reason) =>
        Assert.Equal(reason, LoopGuard.ReasonNotToAnswer(Mail(from), Support));

    [Fact]
    public void ReasonNotToAnswer_DeliveryReport_IsNamed()
    {
        var message = Mail("sam@customer.example");
        message.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "failed" } };

        Assert.Equal("delivery-report", LoopGuard.ReasonNotToAnswer(message, Support));
    }

    [Fact]
    public void ReasonNotToAnswer_PersonWritingWithAutoSubmittedNo_MayBeAnswered()
    {
        var message = Mail("sam@customer.example");
        message.Headers.Add("Auto-Submitted", "no");

        Assert.Null(LoopGuard.ReasonNotToAnswer(message, Support));
        Assert.Null(LoopGuard.ReasonNotToAnswer(Mail("supporter@shop.example"), Support));
    }

    private static MimeMessage Mail(string from)
    {
        var message = new MimeMessage { Subject = "Hello", Body = new TextPart("plain") { Text = "Hi" } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(Support));
        return message;
    }
}
