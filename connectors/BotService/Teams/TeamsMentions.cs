using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// Turns what an agent wrote in a Teams thread into the text the customer gets. In a channel Teams puts
/// every @mention into the text as <c>&lt;at&gt;Name&lt;/at&gt;</c> and lists it in a <c>mention</c>
/// entity; the bot's own mention is addressed to us, not the customer, so it goes, and other people's
/// mentions keep just the name.
/// </summary>
public static partial class TeamsMentions
{
    /// <summary>The text to relay, or an empty string when nothing but mentions was written.</summary>
    public static string RelayText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        var botName = activity.Recipient?.Name;

        // The mention entities name exactly which <at> tags are the bot (its id is the recipient's).
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Properties is null)
            {
                continue;
            }

            var mentionedId = entity.Properties.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            var mentionText = entity.Properties.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (botId is not null && string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        // Without entities (or with an entity text that differs in spacing) a tag with the bot's name still goes.
        if (!string.IsNullOrEmpty(botName))
        {
            text = Regex.Replace(text, $@"<at(\s[^>]*)?>\s*{Regex.Escape(botName)}\s*</at>", " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        // Anyone else mentioned keeps their name; the tags go.
        text = AtTag().Replace(text, m => m.Groups["name"].Value);
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        return Normalize(text);
    }

    /// <summary>Trims every line, drops runs of spaces and blank lines at both ends.</summary>
    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim());
        return string.Join("\n", lines).Trim();
    }

    [GeneratedRegex(@"<at(\s[^>]*)?>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
