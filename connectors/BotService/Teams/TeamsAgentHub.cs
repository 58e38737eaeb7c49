using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.BotService.Client;
using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// Microsoft Teams as the agents' inbox (issue 6, point 3): every handoff starts a new thread in the
/// configured support channel carrying the case card; customer messages, status changes and what agents in
/// other hubs write are posted into that thread, and the card is kept current. What agents do in the thread
/// comes back through <see cref="TeamsInboundHandler"/>. Calls come from the handoff notifier, which retries
/// from durable storage while this hub throws, so each step is safe to repeat.
/// </summary>
internal sealed class TeamsAgentHub(
    BotConnectorClient client,
    HandoffService handoffs,
    TeamsThreads threads,
    IOptions<TeamsOptions> options,
    IOptions<BotFrameworkOptions> botFramework,
    ILogger<TeamsAgentHub> logger) : IAgentHub
{
    /// <summary>Teams' channel id.</summary>
    public const string ChannelId = BotConnectorClient.TeamsChannelId;

    /// <summary>Longest text posted in one message (Teams refuses messages over about 28 KB).</summary>
    public const int MaxMessageChars = 12_000;

    private readonly TeamsOptions _options = options.Value;

    public string Name => AgentHubs.Teams;

    /// <summary>The bot's account in Teams: <c>28:</c> and the app id.</summary>
    internal ChannelAccount BotAccount => new(string.IsNullOrEmpty(botFramework.Value.MicrosoftAppId) ? "28:supportbot" : "28:" + botFramework.Value.MicrosoftAppId, CaseCardMapper.BotName, RoleTypes.Bot);

    /// <summary>
    /// Starts the case's thread: <c>POST v3/conversations</c> into the support channel with the card as the first
    /// message (PROTOCOLS.md §3), then stores the thread's ids on the case. A retried notification for a case
    /// that already has its thread does nothing.
    /// </summary>
    public async Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        ArgumentNullException.ThrowIfNull(handoffInitiateEvent);
        if (handoffCase.HubData.ContainsKey(TeamsThreads.ConversationIdKey))
        {
            return;
        }

        // The transcript travels as the event's attachment (PROTOCOLS.md §4); the stored context has it too.
        var transcript = HandoffEvents.ReadTranscript(handoffInitiateEvent);
        var current = await handoffs.GetAsync(handoffCase.Id, cancellationToken).ConfigureAwait(false) ?? handoffCase;
        var built = CaseCardBuilder.Build(CaseCardMapper.From(current, transcript.Count > 0 ? transcript : null));
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = BotAccount,
            TenantId = string.IsNullOrWhiteSpace(_options.TenantId) ? null : _options.TenantId,
            ChannelData = ChannelData(),
            Activity = CardActivity(built.Card, $"Handoff {current.Id}: {CaseCardMapper.CustomerName(current)} ({current.Context.Channel}), {current.Reason.Kind}"),
        };

        var created = await client.CreateConversationAsync(_options.ServiceUrl, parameters, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new InvalidOperationException("Teams answered the new thread without a conversation id.");
        }

        var serviceUrl = string.IsNullOrEmpty(created.ServiceUrl) ? _options.ServiceUrl : created.ServiceUrl;
        var activityId = created.ActivityId ?? RootMessageId(created.Id) ?? string.Empty;
        await threads.SetCaseAsync(created.Id, current.Id, cancellationToken).ConfigureAwait(false);
        await handoffs.SetHubDataAsync(current.Id, TeamsThreads.ServiceUrlKey, serviceUrl, cancellationToken).ConfigureAwait(false);
        await handoffs.SetHubDataAsync(current.Id, TeamsThreads.ActivityIdKey, activityId, cancellationToken).ConfigureAwait(false);
        await handoffs.SetHubDataAsync(current.Id, TeamsThreads.ConversationIdKey, created.Id, cancellationToken).ConfigureAwait(false);
        TeamsLog.ThreadStarted(logger, current.Id, created.Id);

        if (built.OmittedLines > 0)
        {
            // What did not fit on the card follows it in the thread, oldest first.
            var lines = CaseCardMapper.From(current, transcript.Count > 0 ? transcript : null).Transcript
                .Where(l => !string.IsNullOrWhiteSpace(l.Text)).Take(built.OmittedLines).Select(CaseCardBuilder.Describe);
            foreach (var chunk in Chunks(lines, MaxMessageChars))
            {
                await PostAsync(serviceUrl, created.Id, "Earlier in the conversation:\n" + chunk, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Posts the customer's message into the case's thread.</summary>
    public async Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        ArgumentNullException.ThrowIfNull(customerMessage);
        var (serviceUrl, threadId, _) = RequireThread(handoffCase);
        var text = customerMessage.Text?.Trim();
        var files = customerMessage.Attachments?.Select(a => a.Name ?? a.ContentType).OfType<string>().ToList() ?? [];
        if (files.Count > 0)
        {
            text = string.IsNullOrEmpty(text) ? $"(attachment: {string.Join(", ", files)})" : $"{text}\n(attachment: {string.Join(", ", files)})";
        }

        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        await PostAsync(serviceUrl, threadId, $"{CaseCardMapper.CustomerName(handoffCase)}: {Cut(text)}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refreshes the card for everyone in the channel and says what changed in the thread.</summary>
    public async Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        ArgumentNullException.ThrowIfNull(handoffStatusEvent);
        var (serviceUrl, threadId, activityId) = RequireThread(handoffCase);
        var current = await handoffs.GetAsync(handoffCase.Id, cancellationToken).ConfigureAwait(false) ?? handoffCase;
        if (!string.IsNullOrEmpty(activityId))
        {
            var card = CaseCardBuilder.Build(CaseCardMapper.From(current)).Card;
            var update = CardActivity(card, null);
            update.Id = activityId;
            await client.UpdateActivityAsync(serviceUrl, threadId, activityId, update, cancellationToken).ConfigureAwait(false);
        }

        var message = handoffStatusEvent.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : null;
        if (!string.IsNullOrWhiteSpace(message))
        {
            var note = current.Status == HandoffStatus.Closed && !string.IsNullOrWhiteSpace(current.Note) ? $" Note: {current.Note}" : string.Empty;
            await PostAsync(serviceUrl, threadId, $"{current.Id}: {message}.{note}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Mirrors what an agent in another hub (the desk) sent the customer; Teams agents' own words are already in the thread.</summary>
    public async Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.Hub == AgentHubs.Teams || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var (serviceUrl, threadId, _) = RequireThread(handoffCase);
        await PostAsync(serviceUrl, threadId, $"{agent.Name} ({agent.Hub}) to {CaseCardMapper.CustomerName(handoffCase)}: {Cut(text)}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a plain-text message into a thread (never markdown: it carries customer text).</summary>
    internal Task<ResourceResponse> PostAsync(string serviceUrl, string threadId, string text, CancellationToken cancellationToken) =>
        client.SendToConversationAsync(serviceUrl, threadId, new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelId,
            From = BotAccount,
            Conversation = new ConversationAccount(threadId) { IsGroup = true, ConversationType = "channel", TenantId = NullIfEmpty(_options.TenantId) },
            Text = text,
            TextFormat = "plain",
        }, cancellationToken);

    /// <summary>The thread of a case, or null before it was started.</summary>
    internal static (string ServiceUrl, string ThreadId, string ActivityId)? ThreadOf(HandoffCase handoffCase) =>
        handoffCase.HubData.TryGetValue(TeamsThreads.ConversationIdKey, out var threadId) && !string.IsNullOrEmpty(threadId)
            ? (handoffCase.HubData.GetValueOrDefault(TeamsThreads.ServiceUrlKey) ?? string.Empty,
               threadId,
               handoffCase.HubData.GetValueOrDefault(TeamsThreads.ActivityIdKey) ?? string.Empty)
            : null;

    /// <summary>The card as a message: one Adaptive Card attachment.</summary>
    internal Activity CardActivity(JsonObject card, string? summary) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        From = BotAccount,
        Summary = summary,
        Attachments = [new Attachment { ContentType = CaseCardBuilder.ContentType, Content = ToElement(card) }],
    };

    internal static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private (string ServiceUrl, string ThreadId, string ActivityId) RequireThread(HandoffCase handoffCase)
    {
        if (ThreadOf(handoffCase) is not { } thread)
        {
            // The initiate notification comes first and has not gone through yet: throwing makes the notifier retry.
            TeamsLog.NoThread(logger, handoffCase.Id);
            throw new InvalidOperationException($"Handoff {handoffCase.Id} has no Teams thread yet.");
        }

        return thread with { ServiceUrl = string.IsNullOrEmpty(thread.ServiceUrl) ? _options.ServiceUrl : thread.ServiceUrl };
    }

    /// <summary><c>{"channel":{"id"},"tenant":{"id"}}</c>: which channel the new thread goes into.</summary>
    private JsonElement ChannelData()
    {
        var data = new JsonObject { ["channel"] = new JsonObject { ["id"] = _options.ChannelId } };
        if (!string.IsNullOrWhiteSpace(_options.TenantId))
        {
            data["tenant"] = new JsonObject { ["id"] = _options.TenantId };
        }

        return ToElement(data);
    }

    /// <summary>A channel thread's id ends with <c>;messageid=</c> and its root message's id.</summary>
    private static string? RootMessageId(string threadId)
    {
        var at = threadId.IndexOf(";messageid=", StringComparison.Ordinal);
        return at < 0 ? null : threadId[(at + ";messageid=".Length)..];
    }

    private static IEnumerable<string> Chunks(IEnumerable<string> lines, int max)
    {
        var chunk = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            var text = Cut(line);
            if (chunk.Length > 0 && chunk.Length + text.Length + 1 > max)
            {
                yield return chunk.ToString();
                chunk.Clear();
            }

            chunk.Append(chunk.Length > 0 ? "\n" : string.Empty).Append(text);
        }

        if (chunk.Length > 0)
        {
            yield return chunk.ToString();
        }
    }

    private static string Cut(string text) => text.Length <= MaxMessageChars - 200 ? text : text[..(MaxMessageChars - 201)] + "…";

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
