using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Social.Http;

namespace SupportBot.Connectors.X;

/// <summary>Polls mentions every <see cref="XOptions.PollInterval"/> and direct messages every <see cref="XOptions.DirectMessagePollInterval"/>.</summary>
internal sealed partial class XPollingService(
    XConnector connector,
    IOptions<XOptions> options,
    TimeProvider timeProvider,
    ILogger<XPollingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task> { LoopAsync("mentions", connector.PollMentionsAsync, options.Value.PollInterval, stoppingToken) };
        if (options.Value.DirectMessages)
        {
            loops.Add(LoopAsync("direct messages", connector.PollDirectMessagesAsync, options.Value.DirectMessagePollInterval, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    private async Task LoopAsync(string what, Func<CancellationToken, Task<int>> poll, TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = interval;
            try
            {
                await poll(stoppingToken).ConfigureAwait(false);
            }
            catch (RateLimitedException ex)
            {
                delay = ex.ResetAt - timeProvider.GetUtcNow();
                LogRateLimited(logger, what, ex.ResetAt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex, what);
            }

            try
            {
                await Task.Delay(delay > interval ? delay : interval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 8331, Level = LogLevel.Warning, Message = "X: rate limit for {What} spent; polling resumes after {Reset:O}")]
    private static partial void LogRateLimited(ILogger logger, string what, DateTimeOffset reset);

    [LoggerMessage(EventId = 8332, Level = LogLevel.Error, Message = "X: polling for {What} failed; trying again next interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string what);
}
