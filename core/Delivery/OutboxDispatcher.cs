using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Delivery;

/// <summary>
/// Delivers committed outbox entries to their channels, in order per conversation, and retries what
/// failed (or what a crashed process left behind) with backoff. Delivery for a conversation always runs
/// inside that conversation's lane, so a retry and a turn never deliver the same entry twice.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    IEnumerable<IChannelSender> senders,
    ConversationQueue queue,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private readonly IChannelSender[] _senders = senders.ToArray();
    private readonly ConcurrentDictionary<string, (string ChannelId, string ConversationId)> _backlog = new(StringComparer.Ordinal);

    /// <summary>Conversations waiting for a retry.</summary>
    public int BacklogCount => _backlog.Count;

    /// <summary>
    /// Delivers a turn's entries. The caller holds the conversation's lane. When older entries of the
    /// conversation still wait for a retry, these wait behind them so the customer sees replies in order.
    /// </summary>
    public async Task DeliverAsync(string channelId, string conversationId, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var key = ConversationQueue.KeyOf(channelId, conversationId);
        if (_backlog.ContainsKey(key))
        {
            return;
        }

        if (!await DeliverInOrderAsync(entries, cancellationToken).ConfigureAwait(false))
        {
            _backlog[key] = (channelId, conversationId);
        }
    }

    /// <summary>
    /// One retry pass: finds conversations with undelivered entries (left by a failure or by a process
    /// that died after its commit) and delivers them. Answers how many conversations are still behind.
    /// </summary>
    public async Task<int> RetryPendingAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entry in await store.ReadPendingAsync(1000, cancellationToken).ConfigureAwait(false))
        {
            var channelId = entry.Activity.ChannelId ?? string.Empty;
            var conversationId = entry.Activity.Conversation?.Id ?? string.Empty;
            _backlog.TryAdd(ConversationQueue.KeyOf(channelId, conversationId), (channelId, conversationId));
        }

        foreach (var (key, (channelId, conversationId)) in _backlog.ToArray())
        {
            using (await queue.EnterAsync(key, cancellationToken).ConfigureAwait(false))
            {
                // Re-read inside the lane: a turn may have delivered some of them meanwhile.
                var pending = await store.ReadPendingAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
                if (await DeliverInOrderAsync(pending, cancellationToken).ConfigureAwait(false))
                {
                    _backlog.TryRemove(key, out _);
                }
            }
        }

        return _backlog.Count;
    }

    /// <summary>Delivers whatever one conversation still has pending (a console chat resuming after a crash).</summary>
    public async Task<bool> RetryConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        var key = ConversationQueue.KeyOf(channelId, conversationId);
        using (await queue.EnterAsync(key, cancellationToken).ConfigureAwait(false))
        {
            var pending = await store.ReadPendingAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
            var complete = await DeliverInOrderAsync(pending, cancellationToken).ConfigureAwait(false);
            if (complete)
            {
                _backlog.TryRemove(key, out _);
            }

            return complete;
        }
    }

    /// <summary>Retries in the background until stopped: soon after a failure, then backing off to a minute.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = MinRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            int behind;
            try
            {
                behind = await RetryPendingAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetryPassFailed(logger, ex);
                behind = 1;
            }

            delay = behind == 0 ? MinRetryDelay : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> DeliverInOrderAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var delivered = new List<long>(entries.Count);
        var complete = true;
        foreach (var entry in entries)
        {
            var channelId = entry.Activity.ChannelId ?? string.Empty;
            var sender = Array.Find(_senders, s => s.CanSend(channelId));
            if (sender is null)
            {
                LogNoSender(logger, channelId, entry.Sequence);
                complete = false;
                break;
            }

            try
            {
                await sender.DeliverAsync(entry, cancellationToken).ConfigureAwait(false);
                delivered.Add(entry.Sequence);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, ex, channelId, entry.Sequence);
                complete = false;
                break;
            }
        }

        if (delivered.Count > 0)
        {
            // Not waited for: the entries leave the pending reads at once and the delete rides along with the
            // next commit, so a turn does not pay for a second durable write. A crash before it commits
            // delivers them once more, as a crash between delivery and the mark always could.
            _ = ForgetDeliveredAsync(delivered);
        }

        return complete;
    }

    private async Task ForgetDeliveredAsync(List<long> delivered)
    {
        try
        {
            await store.MarkDeliveredAsync(delivered, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogMarkFailed(logger, ex, delivered.Count);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "No sender delivers for channel '{ChannelId}'; outbox entry {Sequence} waits")]
    private static partial void LogNoSender(ILogger logger, string channelId, long sequence);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Delivery to channel '{ChannelId}' failed; outbox entry {Sequence} will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string channelId, long sequence);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Marking {Count} delivered outbox entries failed; they will be delivered again")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Outbox retry pass failed")]
    private static partial void LogRetryPassFailed(ILogger logger, Exception exception);
}
