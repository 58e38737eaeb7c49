using MimeKit;

namespace SupportBot.Connectors.Email.Threading;

/// <summary>
/// Which conversation a mail belongs to (PROTOCOLS.md §5): the Message-IDs it answers (<c>In-Reply-To</c>,
/// then <c>References</c>, newest first), then the plus-address token (<c>support+&lt;conversation&gt;@…</c>)
/// it was sent to; otherwise it starts a thread whose id derives from its own Message-ID. Every step is
/// deterministic, so a mail read again after a crash lands in the same conversation with the same activity id.
/// </summary>
internal sealed class EmailThreading(EmailStore store, EmailOptions options)
{
    private const string BotIdPrefix = "sb.";
    private const string ConversationPrefix = "em-";

    private readonly string _domain = MailboxAddress.Parse(options.SupportAddress).Domain;
    private readonly string _local = MailboxAddress.Parse(options.SupportAddress).LocalPart;

    /// <summary>The conversation of <paramref name="message"/>, whose (possibly synthesized) id is <paramref name="messageId"/>.</summary>
    public async Task<string> ResolveAsync(MimeMessage message, string messageId, CancellationToken cancellationToken = default)
    {
        var answered = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            answered.Add(inReplyTo);
        }

        answered.AddRange(message.References.Reverse());
        foreach (var id in answered)
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } conversation)
            {
                return conversation;
            }
        }

        foreach (var address in Recipients(message))
        {
            if (TokenOf(address) is { } token && await store.GetThreadAsync(token, cancellationToken).ConfigureAwait(false) is not null)
            {
                return token;
            }
        }

        return NewConversationId(messageId);
    }

    /// <summary>The Message-ID of a bot mail: names its conversation so a reply threads without a lookup.</summary>
    public string BotMessageId(string conversationId, string activityId) => $"{BotIdPrefix}{conversationId}.{activityId}@{_domain}";

    /// <summary>The reply address of a thread: <c>support+&lt;conversation&gt;@domain</c>.</summary>
    public string ReplyAddress(string conversationId) => $"{_local}+{conversationId}@{_domain}";

    public static string NewConversationId(string messageId) => ConversationPrefix + EmailStore.Digest(messageId)[..24];

    /// <summary>The mail's own Message-ID, or a stable one made from what identifies it when it has none.</summary>
    public static string MessageIdOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return message.MessageId;
        }

        var identity = string.Join('\n', message.Date.ToUnixTimeSeconds(), message.From.ToString(), message.To.ToString(), message.Subject, message.TextBody ?? message.HtmlBody ?? string.Empty);
        return $"no-id.{EmailStore.Digest(identity)}@supportbot.invalid";
    }

    private async Task<string?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        if (ConversationOfBotId(messageId) is { } own && await store.GetThreadAsync(own, cancellationToken).ConfigureAwait(false) is not null)
        {
            return own;
        }

        return (await store.GetMessageAsync(messageId, cancellationToken).ConfigureAwait(false))?.ConversationId;
    }

    private string? ConversationOfBotId(string messageId)
    {
        var at = messageId.LastIndexOf('@');
        if (at < 0 || !messageId[(at + 1)..].Equals(_domain, StringComparison.OrdinalIgnoreCase) || !messageId.StartsWith(BotIdPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var local = messageId[BotIdPrefix.Length..at];
        var dot = local.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && local.StartsWith(ConversationPrefix, StringComparison.Ordinal) ? local[..dot] : null;
    }

    private string? TokenOf(MailboxAddress address)
    {
        var local = address.LocalPart;
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0 || !address.Domain.Equals(_domain, StringComparison.OrdinalIgnoreCase) || !local[..plus].Equals(_local, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = local[(plus + 1)..];
        return token.StartsWith(ConversationPrefix, StringComparison.Ordinal) ? token : null;
    }

    private static IEnumerable<MailboxAddress> Recipients(MimeMessage message)
    {
        foreach (var mailbox in message.To.Mailboxes.Concat(message.Cc.Mailboxes))
        {
            yield return mailbox;
        }

        foreach (var header in new[] { "Delivered-To", "X-Original-To" })
        {
            foreach (var value in message.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value))
            {
                if (MailboxAddress.TryParse(value.Trim(), out var parsed))
                {
                    yield return parsed;
                }
            }
        }
    }
}
