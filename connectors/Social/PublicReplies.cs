namespace SupportBot.Connectors.Social;

/// <summary>
/// The one short public reply a mention gets: thanks for praise, or empathy and the next step (a private
/// message). Written from fixed phrasings that never carry anything the customer wrote, so no personal
/// data or order detail can reach the timeline; the phrasing varies by post (X refuses a post that
/// repeats a recent one, PROTOCOLS.md §6).
/// </summary>
public static class PublicReplies
{
    private static readonly string[] Thanks =
    [
        "Thank you so much! That really made our day.",
        "Thanks a lot, we're so glad to hear it!",
        "That's lovely to hear, thank you for taking the time to tell us.",
        "Thank you! We'll pass your kind words on to the team.",
        "Made our day, thank you! Enjoy.",
    ];

    private static readonly string[] Requests =
    [
        "Sorry to hear that, we'd like to help. We've sent you a private message so we can sort it out there.",
        "Thanks for letting us know. Let's take this to a private message: we've just sent you one.",
        "We're on it. Please check your private messages, we've written to you there so we can look into this.",
        "Sorry about this. We've messaged you privately so we can help without sharing your details here.",
        "Thanks for reaching out. We've sent you a private message to take this further.",
    ];

    private static readonly string[] Upset =
    [
        "We're really sorry, this isn't the experience we want for you. A member of our team is picking this up now; please check your private messages.",
        "So sorry, we understand how frustrating this is. A person from our team is on it and will message you privately.",
        "We hear you, and we're sorry. We're handing this to a member of our team right now, who will be in touch by private message.",
        "Sorry we let you down. A person from our team is looking at this now and will reply in your private messages.",
    ];

    /// <summary>
    /// The public reply for a mention of <paramref name="kind"/> by <paramref name="handle"/>, counting at
    /// most <paramref name="channel"/>'s public limit.
    /// </summary>
    /// <param name="kind">How the mention reads.</param>
    /// <param name="handle">The author's handle, without <c>@</c>.</param>
    /// <param name="channel">The platform (limit, counting, whether the text must name the author).</param>
    /// <param name="variant">Picks the phrasing (e.g. how many replies went to this author before, or a hash of the post id).</param>
    public static string For(MentionKind kind, string handle, SocialChannel channel, int variant)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(channel);
        var bank = kind switch
        {
            MentionKind.Praise => Thanks,
            MentionKind.Upset => Upset,
            _ => Requests,
        };
        var text = bank[(variant & int.MaxValue) % bank.Length];
        if (channel.MentionInText)
        {
            text = $"@{handle} {text}";
        }

        return SocialTextLength.Fit(text, channel.PublicLimit, channel.Count);
    }
}
