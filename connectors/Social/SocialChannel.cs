namespace SupportBot.Connectors.Social;

/// <summary>What the shared social code needs to know about one platform.</summary>
/// <param name="ChannelId">The activity channel id: <c>x</c> or <c>mastodon</c>.</param>
/// <param name="PublicLimit">The most a public reply may count (280 on X, 500 on Mastodon).</param>
/// <param name="Count">How the platform counts a text's length.</param>
/// <param name="MentionInText">Whether the public reply names the author (<c>@handle</c>): needed on Mastodon to reach them, and on X it makes replies to different people differ.</param>
public sealed record SocialChannel(string ChannelId, int PublicLimit, Func<string, int> Count, bool MentionInText);
