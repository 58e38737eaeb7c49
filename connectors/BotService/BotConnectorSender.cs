using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Connectors.BotService.Client;
using SupportBot.Core.Delivery;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.BotService;

/// <summary>
/// Delivers outbox entries of Bot Connector channels (Teams, the Emulator, Azure's Web Chat …) to their
/// activity's <c>serviceUrl</c>: sends as replies to the activity they answer, updates and deletes as such.
/// It serves every channel no other sender claims (SupportBot's own channels — console, Direct Line, email,
/// social — have their own). An entry that can never go out (no service URL, one outside
/// <c>AllowedServiceUrls</c>, a 4xx refusal) is logged and dropped; throttling and outages throw, so the
/// outbox retries it later.
/// </summary>
internal sealed class BotConnectorSender(BotConnectorClient client, IServiceProvider services, ILogger<BotConnectorSender> logger) : IChannelSender
{
    private readonly ConcurrentDictionary<string, bool> _claims = new(StringComparer.Ordinal);
    private IChannelSender[]? _others;

    /// <inheritdoc />
    public bool CanSend(string channelId) => _claims.GetOrAdd(channelId, id =>
    {
        // Resolved on first use: the senders list includes this one, so it cannot be a constructor dependency.
        _others ??= [.. services.GetServices<IChannelSender>().Where(s => !ReferenceEquals(s, this))];
        return !Array.Exists(_others, s => s.CanSend(id));
    });

    /// <inheritdoc />
    public async Task<ResourceResponse?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var activity = entry.Activity;
        var channelId = activity.ChannelId ?? string.Empty;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(conversationId))
        {
            BotServiceLog.NoServiceUrl(logger, entry.Sequence, channelId);
            return null;
        }

        try
        {
            return entry.Operation switch
            {
                OutboxOperation.Update => await client.UpdateActivityAsync(activity.ServiceUrl, conversationId, activity.Id ?? string.Empty, activity, cancellationToken, entry.Json).ConfigureAwait(false),
                OutboxOperation.Delete => await DeleteAsync(activity.ServiceUrl, conversationId, activity.Id ?? string.Empty, cancellationToken).ConfigureAwait(false),
                _ when !string.IsNullOrEmpty(activity.ReplyToId) => await client.ReplyToActivityAsync(activity.ServiceUrl, conversationId, activity.ReplyToId, activity, cancellationToken, entry.Json).ConfigureAwait(false),
                _ => await client.SendToConversationAsync(activity.ServiceUrl, conversationId, activity, cancellationToken, entry.Json).ConfigureAwait(false),
            };
        }
        catch (ServiceUrlNotAllowedException)
        {
            // Already logged by the client; no retry will make the URL acceptable.
            return null;
        }
        catch (BotConnectorException ex) when (!ex.IsTransient)
        {
            // 400/403/404: the connector will refuse the same activity every time.
            BotServiceLog.Refused(logger, entry.Sequence, channelId, (int?)ex.StatusCode ?? 0, ex.ErrorCode);
            return null;
        }
        catch (ArgumentException)
        {
            // An update or delete naming no activity id cannot be sent, ever.
            BotServiceLog.NoServiceUrl(logger, entry.Sequence, channelId);
            return null;
        }
    }

    private async Task<ResourceResponse> DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await client.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(activityId);
    }
}
