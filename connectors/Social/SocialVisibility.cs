namespace SupportBot.Connectors.Social;

/// <summary>Where a social post is seen: everyone, or only the people in a private conversation.</summary>
public static class SocialVisibility
{
    /// <summary>A public post (a mention on the timeline, a public reply).</summary>
    public const string Public = "public";

    /// <summary>A private message (an X direct message, a Mastodon status with <c>direct</c> visibility).</summary>
    public const string Direct = "direct";
}
