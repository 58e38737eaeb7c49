using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Social.Http;

namespace SupportBot.Connectors.Mastodon;

/// <summary>Polls for mentions every <see cref="MastodonOptions.PollInterval"/>; a spent rate limit sleeps until its reset.</summary>
internal sealed partial class MastodonPollingService(
    MastodonConnector connector,
    IOptions<MastodonOptions> options,
    TimeProvider timeProvider,
    ILogger<MastodonPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = interval;
            try
            {
                await connector.PollOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (RateLimitedException ex)
            {
                delay = ex.ResetAt - timeProvider.GetUtcNow();
                LogRateLimited(logger, ex.ResetAt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
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

    [LoggerMessage(EventId = 8211, Level = LogLevel.Warning, Message = "Mastodon: rate limit spent; polling resumes after {Reset:O}")]
    private static partial void LogRateLimited(ILogger logger, DateTimeOffset reset);

    [LoggerMessage(EventId = 8212, Level = LogLevel.Error, Message = "Mastodon: polling for mentions failed; trying again next interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
