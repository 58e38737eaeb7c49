using System.Text.RegularExpressions;
using SupportBot.Connectors.Mastodon.Client;
using SupportBot.Connectors.Social;

namespace SupportBot.Connectors.Mastodon;

/// <summary>Maps a mention notification to a channel-neutral <see cref="SocialPost"/> (pure).</summary>
internal static partial class MastodonActivityMapper
{
    /// <summary>
    /// The post, or null for what is not a customer's mention (another notification type, no status, our own
    /// account). Activity id = status id; the checkpoint runs on notification ids (a separate series, §7).
    /// </summary>
    public static SocialPost? ToPost(MastodonNotification notification, MastodonAccount self)
    {
        if (notification.Type != "mention" || notification.Status is not { } status || (status.Account ?? notification.Account) is not { } author || author.Id == self.Id)
        {
            return null;
        }

        var text = StripAddressing(MastodonHtml.ToText(status.Content), self.Username ?? self.Acct);
        return new SocialPost(
            status.Id,
            author.Id,
            author.Acct,
            string.IsNullOrWhiteSpace(author.DisplayName) ? null : author.DisplayName,
            text,
            IsPrivate: status.Visibility == "direct",
            status.Url);
    }

    /// <summary>Removes the mentions that address the post ("@alderfinch @friend …" at the start, and ours anywhere).</summary>
    public static string StripAddressing(string text, string selfUsername)
    {
        var own = new Regex($@"(?<![\w@])@{Regex.Escape(selfUsername.Split('@')[0])}(@[\w.-]+)?\b\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var stripped = own.Replace(LeadingMentions().Replace(text, string.Empty), string.Empty);
        return stripped.Trim();
    }

    [GeneratedRegex(@"^(\s*@[\w.]+(@[\w.-]+)?)+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();
}
