using Microsoft.Extensions.Logging;
using SupportBot.Connectors.Social;
using SupportBot.Connectors.X.Client;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.X;

/// <summary>
/// Posts the bot's messages on X (PROTOCOLS.md §6): the public reply as a post in reply to the mention
/// (at most 280, counted X's way); everything else as a direct message to the customer (the
/// conversation id is their user id). A retried delivery of a public reply that X already took comes
/// back "duplicate content" (403): that counts as delivered (see <see cref="MarkAttemptAsync"/>).
/// </summary>
internal sealed partial class XSender(XClient client, IStorage storage, ILogger<XSender> logger) : IChannelSender
{

    public bool CanSend(string channelId) => channelId == XOptions.ChannelId;

    public async Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var activity = entry.Activity;
        if (entry.Operation != OutboxOperation.Send || activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return null;
        }

        var data = SocialChannelData.Of(activity) ?? new SocialChannelData(SocialVisibility.Direct);
        if (data.IsPublic)
        {
            var text = SocialTextLength.Fit(activity.Text.Trim(), XOptions.PostLimit, SocialTextLength.X);
            var retry = await MarkAttemptAsync(activity.Id ?? $"outbox-{entry.Sequence}", cancellationToken).ConfigureAwait(false);
            try
            {
                return new ResourceResponse(await client.PostAsync(text, data.InReplyTo, cancellationToken).ConfigureAwait(false));
            }
            catch (XApiException ex) when (ex.IsDuplicateContent && retry)
            {
                // Our own earlier attempt got through before its answer was lost.
                LogDuplicate(logger, entry.Sequence);
                return null;
            }
            catch (XApiException ex) when (ex.IsDuplicateContent)
            {
                // Someone else got the same words recently: a short reference makes this one differ.
                var varied = SocialTextLength.Fit(text, XOptions.PostLimit - 8, SocialTextLength.X) + " ·" + ShortReference(entry);
                return new ResourceResponse(await client.PostAsync(varied, data.InReplyTo, cancellationToken).ConfigureAwait(false));
            }
        }

        var participant = activity.Conversation?.Id ?? throw new InvalidOperationException($"Outbox entry {entry.Sequence} names no conversation.");
        var eventId = await client.SendDirectMessageAsync(participant, SocialTextLength.Fit(activity.Text.Trim(), XOptions.DirectMessageLimit, SocialTextLength.X), cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(eventId);
    }

    /// <summary>
    /// Notes durably that this reply is being posted, before the first attempt; answers whether an earlier
    /// attempt (perhaps by a process that died before the outbox heard back) was already made. X has no
    /// idempotency key, so this is how a "duplicate content" refusal tells our own retry from a collision.
    /// </summary>
    private async Task<bool> MarkAttemptAsync(string activityId, CancellationToken cancellationToken)
    {
        var key = $"social/x/posting/{activityId}";
        if ((await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false)).ContainsKey(key))
        {
            return true;
        }

        var value = System.Text.Json.JsonDocument.Parse("true").RootElement.Clone();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(value, StoreItem.AnyETag) }, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static string ShortReference(OutboxEntry entry) =>
        (entry.Activity.Id is { Length: >= 5 } id ? id[^5..] : entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToUpperInvariant();

    [LoggerMessage(EventId = 8321, Level = LogLevel.Warning, Message = "X: public reply of outbox entry {Sequence} refused as duplicate content; taken as already posted")]
    private static partial void LogDuplicate(ILogger logger, long sequence);
}
