using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Connectors.Email.Mime;

/// <summary>
/// What the customer wrote this time: the text above the quoted history ("On … wrote:", "-----Original
/// Message-----", Outlook's "From: … Sent: …" block, "&gt;" lines) and above the signature ("-- ", "Sent
/// from my phone"). When nothing would be left (a reply written below the quote), the text is kept whole.
/// </summary>
internal static partial class ReplyText
{
    public static string Strip(string text)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (IsHistoryStart(lines, i) || IsSignatureStart(trimmed))
            {
                break;
            }

            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        var result = MailText.Normalize(string.Join('\n', kept));
        return result.Length > 0 ? result : MailText.Normalize(WithoutQuoteMarks(text));
    }

    private static bool IsHistoryStart(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line) || line.StartsWith("________________________________", StringComparison.Ordinal))
        {
            return true;
        }

        // "On Tue, 24 Nov 2026 at 10:02, Sam <sam@…> wrote:" — clients wrap it over two lines.
        var joined = i + 1 < lines.Length ? $"{line} {lines[i + 1].Trim()}" : line;
        if (Wrote().IsMatch(line) || (line.StartsWith("On ", StringComparison.Ordinal) && Wrote().IsMatch(joined)))
        {
            return true;
        }

        // Outlook: "From: …" followed within three lines by "Sent:"/"Date:" and "To:"/"Subject:".
        if (line.StartsWith("From:", StringComparison.OrdinalIgnoreCase))
        {
            var next = lines.Skip(i + 1).Take(4).Select(l => l.Trim()).ToList();
            return next.Exists(l => l.StartsWith("Sent:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Date:", StringComparison.OrdinalIgnoreCase))
                && next.Exists(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
        }

        return false;
    }

    private static bool IsSignatureStart(string trimmedLine) =>
        trimmedLine is "--" or "-- " or "—" || SentFrom().IsMatch(trimmedLine);

    private static string WithoutQuoteMarks(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            output.Append(line.TrimStart().TrimStart('>').TrimStart()).Append('\n');
        }

        return output.ToString();
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op)\s.{4,200}(wrote|a écrit|schrieb|escribió|ha scritto|schreef)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Wrote();

    [GeneratedRegex(@"^(Sent from my |Sent from Outlook|Get Outlook for |Sent from Mail for )", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentFrom();
}
