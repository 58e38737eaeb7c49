using MimeKit;
using SupportBot.Connectors.Email.Mime;

namespace SupportBot.Email.Tests.Mime;

public sealed class MailTextTests
{
    [Fact]
    public void Full_PlainAndHtmlAlternatives_PrefersThePlainText()
    {
        var message = new MimeMessage { Body = new BodyBuilder { TextBody = "plain words", HtmlBody = "<p>html words</p>" }.ToMessageBody() };

        Assert.Equal("plain words", MailText.Full(message));
    }

    [Fact]
    public void ForDialog_HtmlOnly_TextWithoutScriptsStylesOrQuotedBlocks()
    {
        var html = "<html><head><style>p{color:red}</style></head><body><p>My parcel is late &amp; I&#39;m cross.</p>"
            + "<script>alert(1)</script><div class=\"gmail_quote\">On Tue, Support wrote:<blockquote>old text</blockquote></div></body></html>";
        var message = new MimeMessage { Body = new TextPart("html") { Text = html } };

        Assert.Equal("My parcel is late & I'm cross.", MailText.ForDialog(message));
        Assert.Contains("old text", MailText.Full(message)); // the transcript keeps the quote
    }

    [Fact]
    public void Normalize_CrLfAndBlankRuns_CollapsedToSingleBlankLines() =>
        Assert.Equal("a\n\nb\nc", MailText.Normalize("a\r\n\r\n\r\n  \r\nb  \r\nc\r\n\r\n"));
}
