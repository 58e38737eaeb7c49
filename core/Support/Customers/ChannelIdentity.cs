namespace SupportBot.Core.Support.Customers;

/// <summary>
/// An account on a channel, as the channel vouches for it: the activity's channel id and <c>From.Id</c>.
/// Compared case-insensitively (email addresses and handles are not case-sensitive).
/// </summary>
/// <param name="Channel">The channel id, e.g. <c>webchat</c>, <c>directline</c>, <c>email</c>, <c>x</c>, <c>mastodon</c>, <c>console</c>.</param>
/// <param name="Id">The account on that channel, e.g. a web-chat user id or <c>sam.rivera@example.com</c>.</param>
public sealed record ChannelIdentity(string Channel, string Id)
{
    /// <summary>The channel id, trimmed and lower case.</summary>
    public string Channel { get; } = Normalize(Channel, nameof(Channel));

    /// <summary>The account id, trimmed and lower case.</summary>
    public string Id { get; } = Normalize(Id, nameof(Id));

    /// <inheritdoc />
    public override string ToString() => $"{Channel}:{Id}";

    private static string Normalize(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Trim().ToLowerInvariant();
    }
}
