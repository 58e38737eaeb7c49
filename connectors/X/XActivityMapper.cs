using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Connectors.Social;
using SupportBot.Connectors.X.Client;

namespace SupportBot.Connectors.X;

/// <summary>Maps X posts and direct-message events to channel-neutral <see cref="SocialPost"/>s (pure).</summary>
internal static partial class XActivityMapper
{
    /// <summary>A mention, or null when it is our own post or lacks its author (<c>tweet.fields</c> not honoured).</summary>
    public static SocialPost? FromMention(XPost post, IReadOnlyList<XUser> users, XUser self)
    {
        if (post.AuthorId is not { } authorId || authorId == self.Id)
        {
            return null;
        }

        var author = users.FirstOrDefault(u => u.Id == authorId);
        var handle = author?.Username ?? authorId;
        return new SocialPost(post.Id, authorId, handle, author?.Name, Clean(post.Text, self.Username), IsPrivate: false, $"https://x.com/{handle}/status/{post.Id}");
    }

    /// <summary>A customer's direct message, or null for our own messages and other event types.</summary>
    public static SocialPost? FromDirectMessage(XDmEvent dm, IReadOnlyList<XUser> users, XUser self)
    {
        if (dm.SenderId is not { } senderId || senderId == self.Id || (dm.EventType is { } type && type != "MessageCreate") || string.IsNullOrWhiteSpace(dm.Text))
        {
            return null;
        }

        var sender = users.FirstOrDefault(u => u.Id == senderId);
        return new SocialPost(dm.Id, senderId, sender?.Username ?? senderId, sender?.Name, WebUtility.HtmlDecode(dm.Text).Trim(), IsPrivate: true);
    }

    /// <summary>X escapes &amp;, &lt; and &gt; in post text; leading mentions and ours are addressing, not the story.</summary>
    public static string Clean(string text, string? selfUsername)
    {
        var plain = LeadingMentions().Replace(WebUtility.HtmlDecode(text), string.Empty);
        if (!string.IsNullOrEmpty(selfUsername))
        {
            plain = Regex.Replace(plain, $@"(?<![\w@])@{Regex.Escape(selfUsername)}\b\s*", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return plain.Trim();
    }

    [GeneratedRegex(@"^(\s*@\w+)+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();
}
