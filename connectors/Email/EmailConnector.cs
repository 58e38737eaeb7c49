using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Mime;
using SupportBot.Connectors.Email.Threading;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Email;

/// <summary>What became of one inbound mail.</summary>
internal enum MailOutcome
{
    /// <summary>Run as a turn; its reply is durably queued.</summary>
    Answered,

    /// <summary>Handled before (a re-read after a restart, reconnection or UIDVALIDITY change).</summary>
    AlreadyHandled,

    /// <summary>An auto-reply, bounce, list or bulk mail: never answered automatically.</summary>
    Ignored,

    /// <summary>The sender reached the daily cap of automatic replies.</summary>
    Capped,

    /// <summary>No usable sender: for a person to look at.</summary>
    Unreadable,
}

/// <summary>
/// Handles one inbound mail: loop protection, the daily cap, threading, the turn through the durable
/// adapter (its replies collected into one mail), and the record that it was handled. A mail counts as
/// handled only after the adapter committed its turn (state, transcript and outbox), so a crash before
/// that re-reads it, and the adapter's dedupe (activity id from the Message-ID) keeps a re-read from
/// answering twice.
/// </summary>
internal sealed partial class EmailConnector(
    DurableBotAdapter adapter,
    IBot bot,
    EmailStore store,
    EmailThreading threading,
    IOptions<EmailOptions> options,
    TimeProvider timeProvider,
    ILogger<EmailConnector> logger)
{
    private readonly EmailOptions _options = options.Value;

    public async Task<MailOutcome> HandleAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.From.Mailboxes.FirstOrDefault() is not { Address.Length: > 0 } from || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return MailOutcome.Unreadable;
        }

        var messageId = EmailThreading.MessageIdOf(message);
        if (await store.GetMessageAsync(messageId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return MailOutcome.AlreadyHandled;
        }

        var now = timeProvider.GetUtcNow();
        if (LoopGuard.ReasonNotToAnswer(message, _options.SupportAddress) is { } reason)
        {
            LogIgnored(logger, reason);
            await store.SetMessageAsync(messageId, new MessageRecord(null, "ignored:" + reason, now), cancellationToken).ConfigureAwait(false);
            return MailOutcome.Ignored;
        }

        var target = EmailActivityMapper.ReplyTarget(message);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (await store.GetSenderCountAsync(target.Address, day, cancellationToken).ConfigureAwait(false) >= _options.DailyCapPerSender)
        {
            LogCapped(logger, _options.DailyCapPerSender);
            await store.SetMessageAsync(messageId, new MessageRecord(null, "capped", now), cancellationToken).ConfigureAwait(false);
            return MailOutcome.Capped;
        }

        var conversationId = await threading.ResolveAsync(message, messageId, cancellationToken).ConfigureAwait(false);
        var subject = EmailActivityMapper.SubjectOf(message);
        await store.UpdateThreadAsync(conversationId, thread => Threaded(thread, target, subject, messageId, message), cancellationToken).ConfigureAwait(false);

        var activity = EmailActivityMapper.ToActivity(message, messageId, conversationId, _options, now);
        var result = await adapter.ProcessActivityAsync(activity, EmailTurnCollector.Wrap(bot.OnTurnAsync), cancellationToken).ConfigureAwait(false);

        // The turn is committed: from here on a crash re-reads the mail and the adapter recognises it.
        await store.SetMessageAsync(messageId, new MessageRecord(conversationId, "answered", now), cancellationToken).ConfigureAwait(false);
        if (!result.Duplicate)
        {
            await store.IncrementSenderCountAsync(target.Address, day, cancellationToken).ConfigureAwait(false);
        }

        LogAnswered(logger, conversationId, result.Duplicate);
        return MailOutcome.Answered;
    }

    /// <summary>The thread after this mail: replies go to its sender, threaded on its Message-ID.</summary>
    private static ThreadRecord Threaded(ThreadRecord? thread, MailboxAddress target, string subject, string messageId, MimeMessage message)
    {
        var references = thread?.References.ToList() ?? message.References.TakeLast(10).ToList();
        if (!references.Contains(messageId, StringComparer.Ordinal))
        {
            references.Add(messageId);
        }

        // Long threads keep the first and the newest ids (RFC 5322 §3.6.4 allows trimming the middle).
        if (references.Count > 20)
        {
            references = [references[0], .. references.TakeLast(19)];
        }

        return new ThreadRecord(
            target.Address,
            string.IsNullOrWhiteSpace(target.Name) ? thread?.CustomerName : target.Name,
            thread?.Subject ?? subject,
            messageId,
            references);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Mail not answered: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Mail not answered: the sender reached the daily cap of {Cap} automatic replies")]
    private static partial void LogCapped(ILogger logger, int cap);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Mail handled in conversation '{ConversationId}' (already answered before: {Duplicate})")]
    private static partial void LogAnswered(ILogger logger, string conversationId, bool duplicate);
}
