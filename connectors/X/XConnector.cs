using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Social;
using SupportBot.Connectors.X.Client;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.X;

/// <summary>
/// Polls the brand account's mentions and direct messages and runs each as a turn (PROTOCOLS.md §6).
/// Mentions: everything newer than the <c>since_id</c> checkpoint, following <c>next_token</c> through
/// every page of a burst before answering oldest first; the checkpoint moves past a post only once its turn
/// is committed, so nothing is skipped and nothing answered twice across restarts (the adapter dedupes a
/// re-read post by its id). Direct messages: pages of events newest first until the checkpoint.
/// </summary>
internal sealed partial class XConnector(
    XClient client,
    SocialTurnRunner runner,
    SocialCheckpoints checkpoints,
    IOptions<XOptions> options,
    ILogger<XConnector> logger)
{
    public const string MentionStream = "mentions";
    public const string DirectMessageStream = "dm";

    /// <summary>How X counts and limits posts.</summary>
    public static readonly SocialChannel Channel = new(XOptions.ChannelId, XOptions.PostLimit, SocialTextLength.X, MentionInText: true);

    private readonly XOptions _options = options.Value;
    private XUser? _self;

    /// <summary>The brand account: configured id, or <c>GET /2/users/me</c> once.</summary>
    public async Task<XUser> SelfAsync(CancellationToken cancellationToken = default)
    {
        if (_self is not null)
        {
            return _self;
        }

        var me = await client.GetMeAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(_options.UserId) && _options.UserId != me.Id)
        {
            throw new InvalidOperationException($"{XOptions.SectionName}:UserId ({_options.UserId}) is not the account the credentials belong to ({me.Id}).");
        }

        return _self = me;
    }

    /// <summary>Reads every new mention and answers it; returns how many turns ran.</summary>
    public async Task<int> PollMentionsAsync(CancellationToken cancellationToken = default)
    {
        var self = await SelfAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = await checkpoints.GetAsync(XOptions.ChannelId, MentionStream, cancellationToken).ConfigureAwait(false);
        if (checkpoint is null && !_options.AnswerExistingOnFirstStart)
        {
            var newest = await client.GetMentionsAsync(self.Id, null, null, 5, cancellationToken).ConfigureAwait(false);
            var start = newest.Meta?.NewestId ?? "0";
            await checkpoints.AdvanceAsync(XOptions.ChannelId, MentionStream, start, cancellationToken).ConfigureAwait(false);
            LogFirstStart(logger, start);
            return 0;
        }

        // The whole burst first (newest first, page by page), then answer oldest first.
        var sinceId = checkpoint is null or "0" ? null : checkpoint;
        var posts = new List<XPost>();
        var users = new List<XUser>();
        string? token = null;
        do
        {
            var page = await client.GetMentionsAsync(self.Id, sinceId, token, _options.PageSize, cancellationToken).ConfigureAwait(false);
            posts.AddRange(page.Data ?? []);
            users.AddRange(page.Includes?.Users ?? []);
            token = page.Meta?.NextToken;
        }
        while (token is not null);

        var answered = 0;
        foreach (var post in posts.DistinctBy(p => p.Id).Where(p => sinceId is null || PostIds.Compare(p.Id, sinceId) > 0).OrderBy(p => p.Id, Comparer<string>.Create(PostIds.Compare)))
        {
            if (XActivityMapper.FromMention(post, users, self) is { } mention)
            {
                var result = await runner.RunAsync(Channel, BotAccount(self), mention, cancellationToken).ConfigureAwait(false);
                answered += result.Duplicate ? 0 : 1;
            }

            await checkpoints.AdvanceAsync(XOptions.ChannelId, MentionStream, post.Id, cancellationToken).ConfigureAwait(false);
        }

        if (answered > 0)
        {
            LogAnswered(logger, answered, MentionStream);
        }

        return answered;
    }

    /// <summary>Reads new direct messages and answers them; returns how many turns ran.</summary>
    public async Task<int> PollDirectMessagesAsync(CancellationToken cancellationToken = default)
    {
        var self = await SelfAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = await checkpoints.GetAsync(XOptions.ChannelId, DirectMessageStream, cancellationToken).ConfigureAwait(false);
        var events = new List<XDmEvent>();
        var users = new List<XUser>();
        string? token = null;
        do
        {
            var page = await client.GetDirectMessagesAsync(token, cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Data ?? []);
            users.AddRange(page.Includes?.Users ?? []);
            token = page.Meta?.NextToken;
            // Pages run newest first: once one reaches the checkpoint the rest is old (no checkpoint: the first page is enough).
            if (checkpoint is null || (page.Data ?? []).Any(e => PostIds.Compare(e.Id, checkpoint) <= 0))
            {
                break;
            }
        }
        while (token is not null);

        if (checkpoint is null && !_options.AnswerExistingOnFirstStart)
        {
            var start = events.Select(e => e.Id).Aggregate("0", (a, b) => PostIds.Max(a, b)!);
            await checkpoints.AdvanceAsync(XOptions.ChannelId, DirectMessageStream, start, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var answered = 0;
        foreach (var dm in events.DistinctBy(e => e.Id).Where(e => checkpoint is null || PostIds.Compare(e.Id, checkpoint) > 0).OrderBy(e => e.Id, Comparer<string>.Create(PostIds.Compare)))
        {
            if (XActivityMapper.FromDirectMessage(dm, users, self) is { } message)
            {
                var result = await runner.RunAsync(Channel, BotAccount(self), message, cancellationToken).ConfigureAwait(false);
                answered += result.Duplicate ? 0 : 1;
            }

            await checkpoints.AdvanceAsync(XOptions.ChannelId, DirectMessageStream, dm.Id, cancellationToken).ConfigureAwait(false);
        }

        if (answered > 0)
        {
            LogAnswered(logger, answered, DirectMessageStream);
        }

        return answered;
    }

    private static ChannelAccount BotAccount(XUser self) => new(self.Id, self.Name ?? "@" + self.Username, RoleTypes.Bot);

    [LoggerMessage(EventId = 8311, Level = LogLevel.Information, Message = "X: first start, mentions up to {PostId} are history and not answered")]
    private static partial void LogFirstStart(ILogger logger, string postId);

    [LoggerMessage(EventId = 8312, Level = LogLevel.Information, Message = "X: {Count} new {Stream} answered")]
    private static partial void LogAnswered(ILogger logger, int count, string stream);
}
