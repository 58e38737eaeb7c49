using System.Net;
using System.Text.RegularExpressions;

namespace SupportBot.Connectors.Mastodon;

/// <summary>
/// Turns a status's <c>content</c> (Mastodon's sanitised HTML, PROTOCOLS.md §7) into the plain text the
/// customer typed: paragraphs and line breaks become newlines, tags go, entities are decoded. A URL is
/// split into hidden spans (<c>invisible</c> prefix, <c>ellipsis</c> middle, <c>invisible</c> rest);
/// keeping every span's text gives the whole URL back. A mention renders as <c>@user</c>.
/// </summary>
internal static partial class MastodonHtml
{
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = LineBreak().Replace(html, "\n");
        text = ParagraphBreak().Replace(text, "\n\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return Blank().Replace(text.Replace("\r", string.Empty, StringComparison.Ordinal), "\n\n").Trim();
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</p>\s*<p[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Blank();
}
