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
        "Thank you so much!",
        "Thanks a lot, we're so glad to hear it!",
        "That's lovely to hear, thank you for telling us.",
        "Thank you, that really made our day!",
        "We're delighted, thank you!",
    ];

    private static readonly string[] ThanksClosings =
    [
        "We'll pass your kind words on to the team.",
        "Enjoy, and see you again soon.",
        "It means a lot to all of us.",
        "Have a wonderful day!",
    ];

    private static readonly string[] Openings =
    [
        "Sorry to hear that, we'd like to help.",
        "Thanks for letting us know.",
        "We're on it.",
        "Sorry about this.",
        "Thanks for reaching out.",
    ];

    private static readonly string[] NextSteps =
    [
        "We've sent you a private message so we can sort it out there.",
        "Let's take this to a private message: we've just sent you one.",
        "Please check your private messages, we've written to you there.",
        "We've messaged you privately so we can help without sharing your details here.",
    ];

    private static readonly string[] UpsetOpenings =
    [
        "We're really sorry, this isn't the experience we want for you.",
        "So sorry, we understand how frustrating this is.",
        "We hear you, and we're sorry.",
        "Sorry we let you down.",
    ];

    private static readonly string[] UpsetNextSteps =
    [
        "A member of our team is picking this up now; please check your private messages.",
        "A person from our team is on it and will message you privately.",
        "We're handing this to a member of our team right now, who will be in touch by private message.",
        "A person from our team is looking at this now and will reply in your private messages.",
        "Someone from our team has this now and is writing to you privately.",
    ];

    /// <summary>
    /// The public reply for a mention of <paramref name="kind"/> by <paramref name="handle"/>, counting at
    /// most <paramref name="channel"/>'s public limit.
    /// </summary>
    /// <param name="kind">How the mention reads.</param>
    /// <param name="handle">The author's handle, without <c>@</c>.</param>
    /// <param name="channel">The platform (limit, counting, whether the text must name the author).</param>
    /// <param name="variant">Picks the phrasing: how many public replies this author had before, so successive ones differ.</param>
    public static string For(MentionKind kind, string handle, SocialChannel channel, int variant)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(channel);
        var (first, second) = kind switch
        {
            MentionKind.Praise => (Thanks, ThanksClosings),
            MentionKind.Upset => (UpsetOpenings, UpsetNextSteps),
            _ => (Openings, NextSteps),
        };
        // Two banks of coprime sizes: successive variants give every combination before one repeats.
        var n = variant & int.MaxValue;
        var text = first[n % first.Length] + " " + second[n % second.Length];
        if (channel.MentionInText)
        {
            text = $"@{handle} {text}";
        }

        return SocialTextLength.Fit(text, channel.PublicLimit, channel.Count);
    }
}
