using Microsoft.Extensions.Options;
using SupportBot.Connectors.Mastodon.Client;
using SupportBot.Connectors.Social;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.Mastodon;

/// <summary>
/// Posts the bot's messages on Mastodon (PROTOCOLS.md §7): a public reply as a public status in reply to
/// the mention; everything else as <c>direct</c> statuses that name the customer (a direct status is seen
/// only by the accounts it mentions), split to the instance's length limit. Every post carries an
/// <c>Idempotency-Key</c> from the outbox entry, so a retried delivery does not post twice.
/// </summary>
internal sealed class MastodonSender(MastodonClient client, IOptions<MastodonOptions> options) : IChannelSender
{
    private readonly int _limit = options.Value.MaxStatusLength;

    public bool CanSend(string channelId) => channelId == MastodonOptions.ChannelId;

    public async Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var activity = entry.Activity;
        if (entry.Operation != OutboxOperation.Send || activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            // Typing, updates and deletes have no Mastodon counterpart here.
            return null;
        }

        var key = activity.Id ?? $"outbox-{entry.Sequence}";
        var handle = SocialTurnRunner.HandleOf(activity);
        var data = SocialChannelData.Of(activity) ?? new SocialChannelData(SocialVisibility.Direct);
        var mention = "@" + handle + " ";
        if (data.IsPublic)
        {
            var text = activity.Text.StartsWith(mention, StringComparison.OrdinalIgnoreCase) ? activity.Text : mention + activity.Text;
            var status = await client.PostStatusAsync(new MastodonNewStatus(SocialTextLength.Fit(text, _limit, SocialTextLength.Mastodon), "public", data.InReplyTo), key, cancellationToken).ConfigureAwait(false);
            return new ResourceResponse(status.Id);
        }

        string? replyTo = data.InReplyTo;
        string? first = null;
        var parts = SocialTextLength.Split(activity.Text.Trim(), mention, _limit, SocialTextLength.Mastodon);
        for (var i = 0; i < parts.Count; i++)
        {
            var status = await client.PostStatusAsync(new MastodonNewStatus(parts[i], "direct", replyTo), parts.Count == 1 ? key : $"{key}/{i}", cancellationToken).ConfigureAwait(false);
            replyTo = status.Id;
            first ??= status.Id;
        }

        return new ResourceResponse(first!);
    }
}
