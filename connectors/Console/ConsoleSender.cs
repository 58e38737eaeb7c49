using SupportBot.Connectors.Console.Client;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.Console;

/// <summary>
/// Delivers the bot's activities to the console: one line of Activity JSON each for scripts, readable
/// text for a person. It delivers only for the conversation it is attached to; entries of any other
/// console conversation stay in the outbox for the console that owns them.
/// </summary>
public sealed class ConsoleSender(ConsoleIo io, ConsoleOptions options) : IChannelSender
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <inheritdoc />
    public bool CanSend(string channelId) => channelId == ConsoleOptions.ChannelId;

    /// <inheritdoc />
    /// <exception cref="ConsoleNotAttachedException">The entry belongs to another conversation.</exception>
    public async Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var activity = entry.Activity;
        if (activity.Conversation?.Id != options.ConversationId)
        {
            throw new ConsoleNotAttachedException(activity.Conversation?.Id);
        }

        var line = options.Interactive ? ConsoleActivityMapper.ToText(activity) : ActivityJson.Serialize(AsDelivered(entry));
        if (line is not null)
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await io.Output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                await io.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeGate.Release();
            }
        }

        return new ResourceResponse(activity.Id ?? string.Empty);
    }

    /// <summary>An update goes out as a <c>messageUpdate</c> so a reader can tell it from a new message.</summary>
    private static Activity AsDelivered(OutboxEntry entry) =>
        entry.Operation == OutboxOperation.Update ? entry.Activity with { Type = ActivityTypes.MessageUpdate } : entry.Activity;
}
