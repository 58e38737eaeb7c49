using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Handoff;

/// <summary>
/// Every <c>Handoff:CheckInterval</c> (on the injected clock): fails cases nobody accepted within
/// <c>Handoff:AcceptTimeout</c> (the customer is told and offered a call back or a ticket), and retries hub
/// notifications that failed or that a stopped process left behind.
/// </summary>
internal sealed partial class HandoffMonitorService(
    HandoffService handoff,
    HandoffNotifier notifier,
    IOptions<HandoffOptions> options,
    TimeProvider timeProvider,
    ILogger<HandoffMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, timeProvider);
        do
        {
            await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One check: overdue cases, then due notifications.</summary>
    internal async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await handoff.ExpireOverdueAsync(cancellationToken).ConfigureAwait(false);
            await notifier.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Error, Message = "The handoff check failed; trying again on the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
