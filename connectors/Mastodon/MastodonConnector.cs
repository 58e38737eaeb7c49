using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Mastodon.Client;
using SupportBot.Connectors.Social;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.Mastodon;

/// <summary>
/// Polls the brand account's mention notifications and runs each as a turn (PROTOCOLS.md §7): pages
/// forward from the durable checkpoint with <c>min_id</c>, oldest first, and moves the checkpoint past a
/// notification only once its turn is committed (the adapter dedupes a re-read status by its id). So a
/// burst bigger than a page is read whole, and a restart neither skips nor answers twice.
/// </summary>
internal sealed partial class MastodonConnector(
    MastodonClient client,
    SocialTurnRunner runner,
    SocialCheckpoints checkpoints,
    IOptions<MastodonOptions> options,
    ILogger<MastodonConnector> logger)
{
    public const string Stream = "mentions";

    private readonly MastodonOptions _options = options.Value;
    private MastodonAccount? _self;

    /// <summary>How this instance counts and limits posts.</summary>
    public SocialChannel Channel => new(MastodonOptions.ChannelId, _options.MaxStatusLength, SocialTextLength.Mastodon, MentionInText: true);

    /// <summary>Reads every new mention and answers it; returns how many turns ran.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var self = _self ??= await client.VerifyCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var botAccount = new ChannelAccount(self.Id, string.IsNullOrWhiteSpace(self.DisplayName) ? "@" + self.Acct : self.DisplayName, RoleTypes.Bot);
        var checkpoint = await checkpoints.GetAsync(MastodonOptions.ChannelId, Stream, cancellationToken).ConfigureAwait(false);
        if (checkpoint is null && !_options.AnswerExistingOnFirstStart)
        {
            // First start: history is not answered; everything after the newest mention is.
            var newest = await client.GetMentionsAsync(null, 1, cancellationToken).ConfigureAwait(false);
            var start = newest.Count > 0 ? newest[^1].Id : "0";
            await checkpoints.AdvanceAsync(MastodonOptions.ChannelId, Stream, start, cancellationToken).ConfigureAwait(false);
            LogFirstStart(logger, start);
            return 0;
        }

        checkpoint ??= "0";
        var answered = 0;
        while (true)
        {
            var page = await client.GetMentionsAsync(checkpoint, _options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var notification in page)
            {
                if (PostIdsNewer(notification.Id, checkpoint) && MastodonActivityMapper.ToPost(notification, self) is { } post)
                {
                    var result = await runner.RunAsync(Channel, botAccount, post, cancellationToken).ConfigureAwait(false);
                    answered += result.Duplicate ? 0 : 1;
                }

                await checkpoints.AdvanceAsync(MastodonOptions.ChannelId, Stream, notification.Id, cancellationToken).ConfigureAwait(false);
                checkpoint = PostIds.Max(checkpoint, notification.Id)!;
            }

            if (page.Count < _options.PageSize)
            {
                break;
            }
        }

        if (answered > 0)
        {
            LogAnswered(logger, answered);
        }

        return answered;
    }

    private static bool PostIdsNewer(string id, string checkpoint) => PostIds.Compare(id, checkpoint) > 0;

    [LoggerMessage(EventId = 8201, Level = LogLevel.Information, Message = "Mastodon: first start, mentions up to {NotificationId} are history and not answered")]
    private static partial void LogFirstStart(ILogger logger, string notificationId);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Mastodon: {Count} new mentions answered")]
    private static partial void LogAnswered(ILogger logger, int count);
}
