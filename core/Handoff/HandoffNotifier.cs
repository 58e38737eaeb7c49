using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Handoff;

/// <summary>
/// Carries handoff notifications to every <see cref="IAgentHub"/>: queued durably first, delivered after the
/// customer's turn is committed (dispatch waits for the conversation's lane), in order per hub and case, and
/// retried with backoff while a hub throws — so a hub that is down loses nothing.
/// </summary>
public sealed partial class HandoffNotifier
{
    private readonly IHandoffStore _store;
    private readonly Lazy<Dictionary<string, IAgentHub>> _lazyHubs;
    private readonly ConversationQueue _queue;
    private readonly TimeProvider _time;
    private readonly HandoffOptions _options;
    private readonly ILogger<HandoffNotifier> _logger;
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Creates the notifier over these hubs.</summary>
    public HandoffNotifier(IHandoffStore store, IEnumerable<IAgentHub> hubs, ConversationQueue queue, TimeProvider timeProvider, HandoffOptions options, ILogger<HandoffNotifier> logger)
        : this(store, () => hubs, queue, timeProvider, options, logger)
    {
        ArgumentNullException.ThrowIfNull(hubs);
    }

    /// <summary>
    /// Creates the notifier over hubs asked for on first use: a hub may depend on <see cref="HandoffService"/>,
    /// which depends (through the adapter's middleware) on this notifier.
    /// </summary>
    public HandoffNotifier(IHandoffStore store, Func<IEnumerable<IAgentHub>> hubs, ConversationQueue queue, TimeProvider timeProvider, HandoffOptions options, ILogger<HandoffNotifier> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentNullException.ThrowIfNull(hubs);
        _lazyHubs = new Lazy<Dictionary<string, IAgentHub>>(() =>
        {
            var byName = new Dictionary<string, IAgentHub>(StringComparer.Ordinal);
            foreach (var hub in hubs())
            {
                if (!byName.TryAdd(hub.Name, hub))
                {
                    throw new InvalidOperationException($"Two agent hubs are named '{hub.Name}'.");
                }
            }

            return byName;
        });
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>True when at least one hub is registered (someone can accept).</summary>
    public bool HasHubs => Hubs.Count > 0;

    private Dictionary<string, IAgentHub> Hubs => _lazyHubs.Value;

    /// <summary>Queues a notification for every hub (once per <paramref name="dedupeKey"/>).</summary>
    public Task EnqueueAsync(HandoffCase handoffCase, string kind, string dedupeKey, string payload, CancellationToken cancellationToken = default) =>
        _store.EnqueueAsync(handoffCase.Id, Hubs.Keys, kind, dedupeKey, payload, _time.GetUtcNow(), cancellationToken);

    /// <summary>Queues an agent's message for every hub.</summary>
    public Task EnqueueAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default) =>
        EnqueueAsync(handoffCase, HandoffNotificationKinds.AgentMessage, "agent:" + Guid.NewGuid().ToString("N"),
            JsonSerializer.Serialize(new AgentMessage(agent, text), HandoffJson.Options), cancellationToken);

    /// <summary>
    /// Delivers the case's due notifications in the background, once the conversation's current turn (if any)
    /// has committed. Safe to call from inside a turn: it never waits for the turn.
    /// </summary>
    public void Kick(HandoffCase handoffCase)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        if (Hubs.Count == 0)
        {
            return;
        }

        var task = Task.Run(() => DispatchCaseAsync(handoffCase.Id, handoffCase.ChannelId, handoffCase.ConversationId, CancellationToken.None));
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the background deliveries started so far (tests, shutdown).</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Keys.ToList());

    /// <summary>Delivers every due notification of every case (the background retry).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await _store.ReadDueAsync(null, _time.GetUtcNow(), 500, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var caseId in due.Select(n => n.CaseId).Distinct(StringComparer.Ordinal))
        {
            if (await _store.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } handoffCase)
            {
                delivered += await DispatchCaseAsync(handoffCase.Id, handoffCase.ChannelId, handoffCase.ConversationId, cancellationToken).ConfigureAwait(false);
            }
        }

        return delivered;
    }

    /// <summary>Delivers the case's due notifications; answers how many went out.</summary>
    private async Task<int> DispatchCaseAsync(string caseId, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            // After the commit: the turn that queued these holds the conversation's lane until it committed.
            using (await _queue.EnterAsync(ConversationQueue.KeyOf(channelId, conversationId), cancellationToken).ConfigureAwait(false))
            {
            }

            // One dispatcher per case at a time, so a notification never goes out twice concurrently.
            using (await _queue.EnterAsync("handoff/" + caseId, cancellationToken).ConfigureAwait(false))
            {
                var due = await _store.ReadDueAsync(caseId, _time.GetUtcNow(), 500, cancellationToken).ConfigureAwait(false);
                if (due.Count == 0)
                {
                    return 0;
                }

                var handoffCase = await _store.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
                if (handoffCase is null)
                {
                    return 0;
                }

                var blocked = new HashSet<string>(StringComparer.Ordinal);
                var delivered = 0;
                foreach (var notification in due)
                {
                    if (blocked.Contains(notification.Hub))
                    {
                        continue;
                    }

                    if (await DeliverAsync(handoffCase, notification, cancellationToken).ConfigureAwait(false))
                    {
                        delivered++;
                    }
                    else
                    {
                        blocked.Add(notification.Hub);
                    }
                }

                return delivered;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store itself failed: the background retry picks the notifications up again.
            LogDispatchFailed(_logger, ex, caseId);
            return 0;
        }
    }

    private async Task<bool> DeliverAsync(HandoffCase handoffCase, HandoffNotification notification, CancellationToken cancellationToken)
    {
        if (!Hubs.TryGetValue(notification.Hub, out var hub))
        {
            // The hub was removed from the configuration: nobody is left to deliver to.
            LogUnknownHub(_logger, notification.Hub, handoffCase.Id);
            await _store.MarkSentAsync(notification.Sequence, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }

        try
        {
            switch (notification.Kind)
            {
                case HandoffNotificationKinds.Initiated:
                    await hub.OnInitiatedAsync(handoffCase, ActivityJson.Deserialize(notification.Payload), cancellationToken).ConfigureAwait(false);
                    break;
                case HandoffNotificationKinds.CustomerMessage:
                    await hub.OnCustomerMessageAsync(handoffCase, ActivityJson.Deserialize(notification.Payload), cancellationToken).ConfigureAwait(false);
                    break;
                case HandoffNotificationKinds.Status:
                    await hub.OnStatusAsync(handoffCase, ActivityJson.Deserialize(notification.Payload), cancellationToken).ConfigureAwait(false);
                    break;
                case HandoffNotificationKinds.AgentMessage:
                    var message = JsonSerializer.Deserialize<AgentMessage>(notification.Payload, HandoffJson.Options)!;
                    await hub.OnAgentMessageAsync(handoffCase, message.Agent, message.Text, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    LogUnknownKind(_logger, notification.Kind, handoffCase.Id);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = notification.Attempts + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), _options.MaxRetryDelay.TotalSeconds));
            LogHubFailed(_logger, ex, hub.Name, notification.Kind, handoffCase.Id, attempts, delay);
            HandoffMetrics.HubFailed(hub.Name);
            await _store.RescheduleAsync(notification.Sequence, attempts, _time.GetUtcNow() + delay, CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        await _store.MarkSentAsync(notification.Sequence, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    /// <summary>The stored payload of an agent-message notification.</summary>
    private sealed record AgentMessage(AgentRef Agent, string Text);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Agent hub '{Hub}' failed on a '{Kind}' notification for handoff {CaseId} (attempt {Attempts}); retrying in {Delay}")]
    private static partial void LogHubFailed(ILogger logger, Exception exception, string hub, string kind, string caseId, int attempts, TimeSpan delay);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Notification for handoff {CaseId} names agent hub '{Hub}', which is not registered; dropped")]
    private static partial void LogUnknownHub(ILogger logger, string hub, string caseId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Unknown notification kind '{Kind}' for handoff {CaseId}; dropped")]
    private static partial void LogUnknownKind(ILogger logger, string kind, string caseId);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Dispatching notifications for handoff {CaseId} failed; the background check retries")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string caseId);
}
