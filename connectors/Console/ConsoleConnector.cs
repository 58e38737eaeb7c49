using Microsoft.Extensions.Logging;
using SupportBot.Connectors.Console.Client;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Console;

/// <summary>
/// The console channel: one customer message per input line, each run as a turn through the durable
/// adapter; the replies reach the console through <see cref="ConsoleSender"/> after each commit.
/// </summary>
public sealed partial class ConsoleConnector(
    DurableBotAdapter adapter,
    IBot bot,
    OutboxDispatcher dispatcher,
    ConsoleIo io,
    ConsoleOptions options,
    TimeProvider timeProvider,
    ILogger<ConsoleConnector> logger)
{
    /// <summary>
    /// Delivers what the conversation still has pending (a previous run may have died between commit
    /// and delivery), then reads lines until end of input or <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (!await dispatcher.RetryConversationAsync(ConsoleOptions.ChannelId, options.ConversationId, cancellationToken).ConfigureAwait(false))
        {
            LogPendingLeft(logger);
        }

        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > ActivityJson.MaxActivityChars)
            {
                LogRejected(logger, ErrorCodes.MessageSizeTooBig);
                continue;
            }

            var activity = ConsoleActivityMapper.ToActivity(line, options, Guid.NewGuid().ToString("N"), timeProvider.GetUtcNow());

            // A turn that has started runs to its commit even when the user presses Ctrl+C meanwhile.
            await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Console.In reads synchronously (even its ReadLineAsync) and ignores the token while blocked, so
            // the read runs on a pool thread and WaitAsync lets Ctrl+C end the chat without a final Enter.
            return await Task.Run(async () => await io.Input.ReadLineAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Rejected a console line: {ErrorCode}")]
    private static partial void LogRejected(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Some earlier replies of this conversation could not be delivered yet")]
    private static partial void LogPendingLeft(ILogger logger);
}
