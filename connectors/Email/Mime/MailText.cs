using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace SupportBot.Connectors.Email.Mime;

/// <summary>
/// The readable text of a mail: the plain-text part when there is one, else the HTML part turned into
/// text (scripts, styles and head dropped; blocks become lines). <see cref="Full"/> is what the customer's
/// client sent (kept in the transcript); quoted history is not removed here (see <see cref="ReplyText"/>).
/// </summary>
internal static class MailText
{
    /// <summary>The best text part of <paramref name="message"/> as plain text, or empty.</summary>
    public static string Full(MimeMessage message)
    {
        if (message.TextBody is { } text)
        {
            return Normalize(text);
        }

        return message.HtmlBody is { } html ? Normalize(FromHtml(html, skipQuotes: false)) : string.Empty;
    }

    /// <summary>
    /// For the dialog: the HTML part without its quoted blocks when the mail has no plain text, so quote
    /// markers that only HTML carries (blockquote, gmail_quote) still go.
    /// </summary>
    public static string ForDialog(MimeMessage message) =>
        message.TextBody is null && message.HtmlBody is { } html
            ? ReplyText.Strip(Normalize(FromHtml(html, skipQuotes: true)))
            : ReplyText.Strip(Full(message));

    internal static string FromHtml(string html, bool skipQuotes)
    {
        var output = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipDepth = 0; // inside <script>, <style>, <head> (or a quote when skipping quotes)
        var skipTag = string.Empty;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    var name = tag.Name.ToLowerInvariant();
                    if (skipDepth > 0)
                    {
                        if (name == skipTag && !tag.IsEmptyElement)
                        {
                            skipDepth += tag.IsEndTag ? -1 : 1;
                        }

                        continue;
                    }

                    if (!tag.IsEndTag && !tag.IsEmptyElement && (name is "script" or "style" or "head" || (skipQuotes && IsQuote(tag))))
                    {
                        skipTag = name;
                        skipDepth = 1;
                        continue;
                    }

                    if (name is "br" or "p" or "div" or "li" or "tr" or "h1" or "h2" or "h3" or "h4" or "blockquote" or "table" or "ul" or "ol")
                    {
                        output.Append('\n');
                        if (name == "li" && !tag.IsEndTag)
                        {
                            output.Append("- ");
                        }
                    }

                    break;
                case HtmlDataToken data when skipDepth == 0:
                    output.Append(WebUtility.HtmlDecode(data.Data));
                    break;
            }
        }

        return output.ToString();
    }

    private static bool IsQuote(HtmlTagToken tag) =>
        tag.Name.Equals("blockquote", StringComparison.OrdinalIgnoreCase)
        || tag.Attributes.Any(a => a.Name.Equals("class", StringComparison.OrdinalIgnoreCase)
            && a.Value is { } value && (value.Contains("gmail_quote", StringComparison.OrdinalIgnoreCase) || value.Contains("moz-cite-prefix", StringComparison.OrdinalIgnoreCase)))
        || tag.Attributes.Any(a => a.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && a.Value is "divRplyFwdMsg" or "appendonsend");

    /// <summary>Line ends unified, trailing spaces and runs of blank lines collapsed, horizontal whitespace tidied.</summary>
    internal static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var output = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.Replace('\u00a0', ' ').TrimEnd();
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            output.Append(line);
        }

        return output.ToString();
    }
}
