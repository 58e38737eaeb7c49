using Microsoft.Extensions.Logging;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Runs one social post as a turn of the durable adapter (activity id = post id, so a re-read post is one
/// turn) and adapts the bot's output to public and private without the dialogs knowing either
/// (issue 8, point 3):
/// <list type="bullet">
/// <item>a public mention gets exactly one short public reply, written here from fixed phrasings (thanks
/// for praise; empathy and the next step otherwise), and everything the bot says goes private;</item>
/// <item>praise stops at the thanks; an upset mention is answered first, then escalated (<see cref="ISocialEscalation"/>);</item>
/// <item>a private message runs the bot as any chat would (after the account-linking exchange, if any).</item>
/// </list>
/// Where each reply goes is written into its <c>channelData</c> (<see cref="SocialChannelData"/>) and
/// committed with the turn; the channel's sender reads it.
/// </summary>
public sealed partial class SocialTurnRunner(
    DurableBotAdapter adapter,
    IBot bot,
    ConversationState conversationState,
    IdentityLinking linking,
    IEnumerable<ISocialEscalation> escalations,
    ILogger<SocialTurnRunner> logger)
{
    private readonly ISocialEscalation[] _escalations = escalations.ToArray();
    private readonly IStatePropertyAccessor<int> _publicReplies = conversationState.CreateProperty<int>("socialPublicReplies");

    /// <summary>The activity for <paramref name="post"/>: conversation = the author (mentions and private messages of one person are one conversation).</summary>
    public static Activity ToActivity(SocialChannel channel, ChannelAccount botAccount, SocialPost post)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(post);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = post.Id,
            ChannelId = channel.ChannelId,
            From = new ChannelAccount(post.AuthorId, string.IsNullOrWhiteSpace(post.AuthorName) ? post.AuthorHandle : post.AuthorName, RoleTypes.User),
            Recipient = botAccount,
            // The handle rides on the conversation so replies (and an agent's, much later) can address the author.
            Conversation = new ConversationAccount(post.AuthorId) { Name = "@" + post.AuthorHandle },
            Text = post.Text,
            TextFormat = "plain",
            ChannelData = new SocialChannelData(post.IsPrivate ? SocialVisibility.Direct : SocialVisibility.Public, PostId: post.Id, Url: post.Url).ToElement(),
        };
    }

    /// <summary>The handle (without <c>@</c>) an outgoing activity is addressed to.</summary>
    public static string HandleOf(Activity activity) =>
        activity.Conversation?.Name is { Length: > 1 } name && name[0] == '@' ? name[1..]
        : throw new InvalidOperationException("The activity's conversation carries no @handle.");

    /// <summary>Runs <paramref name="post"/> as a turn; the answer says whether it was a duplicate.</summary>
    public Task<TurnResult> RunAsync(SocialChannel channel, ChannelAccount botAccount, SocialPost post, CancellationToken cancellationToken = default)
    {
        var activity = ToActivity(channel, botAccount, post);
        return adapter.ProcessActivityAsync(
            activity,
            (turn, ct) => post.IsPrivate ? OnPrivateAsync(turn, post, ct) : OnPublicAsync(turn, channel, post, ct),
            cancellationToken);
    }

    private async Task OnPublicAsync(ITurnContext turnContext, SocialChannel channel, SocialPost post, CancellationToken cancellationToken)
    {
        var kind = MentionClassifier.Classify(post.Text, SentimentTurn.Of(turnContext)?.Result);
        LogMention(logger, channel.ChannelId, kind);
        // X refuses a post that repeats a recent one (§6): the author's n-th public reply uses the n-th phrasing.
        var count = await _publicReplies.GetAsync(turnContext, () => 0, cancellationToken).ConfigureAwait(false);
        await _publicReplies.SetAsync(turnContext, count + 1, cancellationToken).ConfigureAwait(false);
        var reply = ActivityExtensions.CreateMessage(PublicReplies.For(kind, post.AuthorHandle, channel, count), InputHints.AcceptingInput);
        reply.ChannelData = new SocialChannelData(SocialVisibility.Public, InReplyTo: post.Id).ToElement();
        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        if (kind == MentionKind.Praise)
        {
            return;
        }

        // Everything the bot says about the matter goes private, opened with a line that says why.
        var intro = linking.Available
            ? $"Hi, this is {turnContext.Activity.Recipient?.Name ?? "our support team"} following up on your post, here in private. (If you already shop with us, send \"{IdentityLinking.Command}\" at any time and I'll confirm it's you with a one-time code to the email address on your account.)"
            : $"Hi, this is {turnContext.Activity.Recipient?.Name ?? "our support team"} following up on your post, here in private.";
        var first = true;
        turnContext.OnSendActivities((context, activities, next) =>
        {
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message && SocialChannelData.Of(a) is null))
            {
                activity.ChannelData = new SocialChannelData(SocialVisibility.Direct).ToElement();
                if (first)
                {
                    activity.Text = intro + " " + activity.Text;
                    first = false;
                }
            }

            return next();
        });
        await bot.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (kind == MentionKind.Upset)
        {
            foreach (var escalation in _escalations)
            {
                await escalation.EscalateAsync(turnContext, post, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task OnPrivateAsync(ITurnContext turnContext, SocialPost post, CancellationToken cancellationToken)
    {
        MarkPrivate(turnContext, post.Id);
        if (await linking.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await bot.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private static void MarkPrivate(ITurnContext turnContext, string inReplyTo) =>
        turnContext.OnSendActivities((context, activities, next) =>
        {
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message && SocialChannelData.Of(a) is null))
            {
                activity.ChannelData = new SocialChannelData(SocialVisibility.Direct, InReplyTo: inReplyTo).ToElement();
            }

            return next();
        });

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Public mention on '{ChannelId}' answered as {Kind}")]
    private static partial void LogMention(ILogger logger, string channelId, MentionKind kind);
}
