namespace SupportBot.Connectors.Social;

/// <summary>One inbound social post, channel-neutral: a public mention of the brand or a private message to it.</summary>
/// <param name="Id">The post's id on the platform (X post or DM event id, Mastodon status id): the activity id, so a re-read post is one turn.</param>
/// <param name="AuthorId">The author's stable account id (never the handle, which can change hands).</param>
/// <param name="AuthorHandle">The handle without the leading <c>@</c> (X username, Mastodon <c>acct</c>).</param>
/// <param name="AuthorName">The display name, if any.</param>
/// <param name="Text">Plain text, the brand's own leading mention removed.</param>
/// <param name="IsPrivate">True for a direct message.</param>
/// <param name="Url">The post's web address, if known.</param>
public sealed record SocialPost(
    string Id,
    string AuthorId,
    string AuthorHandle,
    string? AuthorName,
    string Text,
    bool IsPrivate,
    string? Url = null);
