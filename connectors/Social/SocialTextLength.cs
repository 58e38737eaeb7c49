using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Connectors.Social;

/// <summary>How X and Mastodon count a post's length (PROTOCOLS.md §6–7).</summary>
public static partial class SocialTextLength
{
    /// <summary>Every URL counts this much on both platforms, whatever its length.</summary>
    public const int UrlLength = 23;

    /// <summary>
    /// X's weighted length (twitter-text v3): a character in the Latin, general-punctuation ranges counts 1,
    /// anything else (CJK, emoji) 2; an emoji sequence counts once; a URL counts 23. Text is NFC-normalised first.
    /// </summary>
    public static int X(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = 0;
        foreach (var part in SplitUrls(text.Normalize(NormalizationForm.FormC)))
        {
            if (part.IsUrl)
            {
                total += UrlLength;
                continue;
            }

            var elements = StringInfo.GetTextElementEnumerator(part.Text);
            while (elements.MoveNext())
            {
                var first = char.ConvertToUtf32(elements.GetTextElement(), 0);
                total += IsLight(first) ? 1 : 2;
            }
        }

        return total;
    }

    /// <summary>Mastodon's length: characters (grapheme clusters), a URL counts 23, a remote mention <c>@user@domain</c> counts as <c>@user</c>.</summary>
    public static int Mastodon(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = 0;
        foreach (var part in SplitUrls(text))
        {
            total += part.IsUrl ? UrlLength : new StringInfo(RemoteMention().Replace(part.Text, "$1")).LengthInTextElements;
        }

        return total;
    }

    /// <summary>
    /// Cuts <paramref name="text"/> at a word boundary so that it counts at most <paramref name="limit"/>,
    /// ending with an ellipsis when something was cut.
    /// </summary>
    public static string Fit(string text, int limit, Func<string, int> count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(count);
        if (count(text) <= limit)
        {
            return text;
        }

        var words = text.Split(' ');
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            var candidate = builder.Length == 0 ? word : builder + " " + word;
            if (count(candidate + "…") > limit)
            {
                break;
            }

            builder.Clear().Append(candidate);
        }

        if (builder.Length == 0)
        {
            // One very long word: cut by text elements.
            var elements = StringInfo.GetTextElementEnumerator(text);
            while (elements.MoveNext() && count(builder + elements.GetTextElement() + "…") <= limit)
            {
                builder.Append(elements.GetTextElement());
            }
        }

        return builder.ToString().TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>
    /// Splits a long private message into parts that each count at most <paramref name="limit"/> once
    /// <paramref name="prefix"/> is put in front, breaking between words.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, string prefix, int limit, Func<string, int> count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(count);
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && count(prefix + candidate) > limit)
            {
                parts.Add(prefix + current);
                current.Clear().Append(word);
                continue;
            }

            current.Clear().Append(candidate);
        }

        if (current.Length > 0 || parts.Count == 0)
        {
            parts.Add(prefix + current);
        }

        return parts.Select(p => count(p) <= limit ? p : Fit(p, limit, count)).ToList();
    }

    private static bool IsLight(int codePoint) =>
        codePoint is (>= 0 and <= 4351) or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247);

    private static IEnumerable<(string Text, bool IsUrl)> SplitUrls(string text)
    {
        var at = 0;
        foreach (Match match in Url().Matches(text))
        {
            if (match.Index > at)
            {
                yield return (text[at..match.Index], false);
            }

            yield return (match.Value, true);
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            yield return (text[at..], false);
        }
    }

    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(@[\w.]+)@[\w.-]+\w", RegexOptions.CultureInvariant)]
    private static partial Regex RemoteMention();
}
