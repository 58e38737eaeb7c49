using SupportBot.Core.Support.Tickets;
using SupportBot.Dialogs.Heap.FollowUp;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// Keeps the bot's "I'll message you here when it's resolved": polls the ticket system for tickets resolved
/// since the last look (by an agent, anywhere) and hands each to <see cref="TicketResolutionNotifier"/>,
/// which messages the customer's conversation and asks the satisfaction question. A ticket with no stored
/// follow-up (or one already kept) is skipped, so overlapping polls and restarts never notify twice.
/// </summary>
internal sealed partial class TicketFollowUpService(
    ITicketService tickets,
    TicketResolutionNotifier notifier,
    TimeProvider timeProvider,
    ILogger<TicketFollowUpService> logger) : BackgroundService
{
    /// <summary>How often the ticket system is asked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>How far back the first poll after a start looks (tickets resolved while the host was down).</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = timeProvider.GetUtcNow() - Lookback;
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            since = await PollOnceAsync(since, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Notifies every ticket resolved at or after <paramref name="since"/>; answers where the next poll starts.</summary>
    internal async Task<DateTimeOffset> PollOnceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var next = since;
        try
        {
            foreach (var ticket in await tickets.ListResolvedSinceAsync(since, cancellationToken).ConfigureAwait(false))
            {
                if (await notifier.NotifyResolvedAsync(ticket.Reference, ticket.Resolution, cancellationToken).ConfigureAwait(false))
                {
                    LogNotified(logger, ticket.Reference);
                }

                if (ticket.ResolvedAt is { } resolvedAt && resolvedAt > next)
                {
                    next = resolvedAt;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next poll tries again from the same point; a follow-up is deleted only once it was sent.
            LogPollFailed(logger, ex);
        }

        return next;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Told the customer that ticket {TicketId} is resolved")]
    private static partial void LogNotified(ILogger logger, string ticketId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Polling resolved tickets failed; retrying on the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
