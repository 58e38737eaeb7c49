using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Threading;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.Email.Smtp;

/// <summary>
/// Delivers the bot's messages on the email channel over SMTP, each as a reply in its conversation's
/// thread (customer turns, proactive follow-ups and agent replies alike). A failure throws, so the outbox
/// keeps the entry and retries it with backoff; the Message-ID derives from the activity id, so a retry
/// after an unacknowledged send carries the same id. Non-message activities (typing) have no mail form.
/// </summary>
internal sealed partial class EmailSender(
    IOptions<EmailOptions> options,
    EmailStore store,
    EmailThreading threading,
    IEmailClientFactory clients,
    TimeProvider timeProvider,
    ILogger<EmailSender> logger) : IChannelSender
{
    private readonly EmailOptions _options = options.Value;

    public bool CanSend(string channelId) => channelId == EmailOptions.ChannelId;

    public async Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var activity = entry.Activity;
        if (entry.Operation != OutboxOperation.Send || !activity.IsMessage() || string.IsNullOrWhiteSpace(activity.Text))
        {
            return null;
        }

        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException($"Outbox entry {entry.Sequence} names no conversation.");
        var thread = await store.GetThreadAsync(conversationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Email conversation '{conversationId}' has no thread record; outbox entry {entry.Sequence} cannot be addressed.");
        var messageId = threading.BotMessageId(conversationId, activity.Id ?? entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mail = EmailComposer.Compose(activity, thread, _options, messageId, threading.ReplyAddress(conversationId), timeProvider.GetUtcNow());

        using (var client = await clients.ConnectSmtpAsync(cancellationToken).ConfigureAwait(false))
        {
            await client.SendAsync(mail, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }

        // The next mail in the thread references this one too.
        await store.UpdateThreadAsync(conversationId, t => t is null || t.References.Contains(messageId, StringComparer.Ordinal)
            ? t ?? thread
            : t with { References = [.. t.References.TakeLast(19), messageId] }, cancellationToken).ConfigureAwait(false);
        LogSent(logger, conversationId, entry.Sequence);
        return new ResourceResponse(messageId);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Mail sent in conversation '{ConversationId}' (outbox entry {Sequence})")]
    private static partial void LogSent(ILogger logger, string conversationId, long sequence);
}
