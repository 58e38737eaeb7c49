using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// Claims what Teams posts to <c>/api/messages</c> from the support channel — agents are never customers, so
/// none of it reaches the HEAP dialogs: card button clicks (<c>adaptiveCard/action</c> invokes, answered with
/// the refreshed card) and agents' messages in a case's thread (relayed to the customer's own channel with the
/// bot's @mention stripped). Activities from elsewhere are left to the bot.
/// </summary>
internal sealed class TeamsInboundHandler(
    HandoffService handoffs,
    TeamsAgentHub hub,
    TeamsThreads threads,
    IOptions<TeamsOptions> options,
    ILogger<TeamsInboundHandler> logger) : IBotServiceInboundHandler
{
    private readonly TeamsOptions _options = options.Value;

    public async Task<InboundResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != TeamsAgentHub.ChannelId || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        // Teams personal chats are customers: they cost no store read here.
        var isCardAction = CardActionInvoke.IsCardAction(activity);
        if (!isCardAction && !InSupportChannel(activity, conversationId))
        {
            return null;
        }

        var caseId = isCardAction ? null : await threads.FindCaseAsync(conversationId, cancellationToken).ConfigureAwait(false);

        if (!FromConfiguredTenant(activity))
        {
            // Agents work in one tenant: another tenant's users (the app installed elsewhere) act on nothing.
            TeamsLog.OtherTenant(logger, activity.Type ?? "unknown");
            return isCardAction
                ? Json(CardActionResponse.Error(403, ErrorCodes.Forbidden, "This bot takes handoff actions only from its support team's tenant."))
                : new InboundResponse(200);
        }

        if (isCardAction)
        {
            return Json(await CardActionAsync(activity, conversationId).ConfigureAwait(false));
        }

        if (activity.Type == ActivityTypes.Message && caseId is not null)
        {
            return await RelayAsync(activity, conversationId, caseId).ConfigureAwait(false);
        }

        // The support channel's other traffic (posts outside a case thread, reactions, member changes) is agents'
        // business, not a customer turn. Invokes we do not implement answer 501, as the Bot Framework does.
        TeamsLog.Ignored(logger, activity.Type ?? "unknown", conversationId);
        return new InboundResponse(activity.Type == ActivityTypes.Invoke ? 501 : 200);
    }

    /// <summary>
    /// True for activities from a team's channels: the configured support channel (its root or any of its
    /// threads) or any other channel of a team the app is installed in (the app has team scope only: customers
    /// reach the bot on their own channels, never from a team channel).
    /// </summary>
    internal bool InSupportChannel(Activity activity, string conversationId)
    {
        var channel = _options.ChannelId;
        if (!string.IsNullOrEmpty(channel) && (conversationId == channel || conversationId.StartsWith(channel + ";", StringComparison.Ordinal)))
        {
            return true;
        }

        if (string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && (data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
                || data.TryGetProperty("teamsChannelId", out var t) && t.ValueKind == JsonValueKind.String
                || data.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object);
    }

    /// <summary>True when no tenant is configured, or the activity comes from that tenant.</summary>
    internal bool FromConfiguredTenant(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(_options.TenantId))
        {
            return true;
        }

        var tenant = activity.Conversation?.TenantId;
        if (string.IsNullOrEmpty(tenant) && activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            tenant = id.GetString();
        }

        return string.Equals(tenant, _options.TenantId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Accept / Resolve / Return to bot from the card; answers the refreshed card or an error body.</summary>
    private async Task<JsonObject> CardActionAsync(Activity activity, string conversationId)
    {
        CardActionInvoke invoke;
        try
        {
            invoke = CardActionInvoke.Parse(activity);
        }
        catch (InvalidActivityException ex)
        {
            TeamsLog.BadCardAction(logger, ex.Message);
            return CardActionResponse.Error(400, ex.Code, ex.Message);
        }

        // A case's buttons work on its own card only: the click must come from the thread the hub started for it.
        if (!string.Equals(await threads.FindCaseAsync(conversationId).ConfigureAwait(false), invoke.CaseId, StringComparison.Ordinal))
        {
            TeamsLog.BadCardAction(logger, $"case {invoke.CaseId} does not belong to the thread the click came from");
            return CardActionResponse.Error(403, ErrorCodes.Forbidden, $"This card does not belong to handoff case {invoke.CaseId}'s thread.");
        }

        var agent = new AgentRef(invoke.AgentId, invoke.AgentName, AgentHubs.Teams);
        try
        {
            // The agent's click is done once it is stored: not tied to Teams' connection.
            var ct = CancellationToken.None;
            string? notice = null;
            string outcome;
            switch (invoke.Verb)
            {
                case CaseCardVerbs.Accept:
                    var accepted = await handoffs.AcceptAsync(invoke.CaseId, agent, ct).ConfigureAwait(false);
                    outcome = accepted.Outcome.ToString();
                    notice = accepted.Outcome switch
                    {
                        AcceptOutcome.AlreadyTaken when accepted.TakenBy?.Id == agent.Id => null, // a repeated click
                        AcceptOutcome.AlreadyTaken => $"{agent.Name} clicked Accept, but {accepted.TakenBy?.Name ?? "another agent"} already has this case.",
                        AcceptOutcome.NotWaiting => "This case is no longer waiting for an agent.",
                        _ => null,
                    };
                    break;
                case CaseCardVerbs.Resolve:
                case CaseCardVerbs.Return:
                    var ended = invoke.Verb == CaseCardVerbs.Resolve
                        ? await handoffs.ResolveAsync(invoke.CaseId, agent, invoke.Note, ct).ConfigureAwait(false)
                        : await handoffs.ReturnToBotAsync(invoke.CaseId, agent, ct).ConfigureAwait(false);
                    outcome = ended.ToString();
                    notice = ended switch
                    {
                        HandoffActionOutcome.NotYours => $"{agent.Name}: only the agent who accepted this case can do that.",
                        HandoffActionOutcome.NotActive => "This case is already closed.",
                        _ => null,
                    };
                    break;
                default:
                    outcome = "refreshed";
                    break;
            }

            TeamsLog.CardAction(logger, invoke.CaseId, invoke.Verb, outcome);
            var current = await handoffs.GetAsync(invoke.CaseId, ct).ConfigureAwait(false);
            if (current is null)
            {
                return CardActionResponse.Error(404, ErrorCodes.NotFound, $"There is no handoff case {invoke.CaseId}.");
            }

            return CardActionResponse.Card(CaseCardBuilder.Build(CaseCardMapper.From(current, notice: notice)).Card);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TeamsLog.CardActionFailed(logger, ex, invoke.CaseId);
            return CardActionResponse.Error(500, ErrorCodes.ServiceError, "The action could not be completed; please try again.");
        }
    }

    /// <summary>
    /// An agent's message in a case's thread goes to the customer. A Teams retry of the same message is relayed
    /// once; a message that could not be relayed because of our failure answers 500 so Teams tries again.
    /// </summary>
    private async Task<InboundResponse> RelayAsync(Activity activity, string threadId, string caseId)
    {
        var text = TeamsMentions.RelayText(activity);
        if (text.Length == 0)
        {
            return new InboundResponse(200);
        }

        var limit = handoffs.Options.MaxAgentMessageLength;
        if (text.Length > limit)
        {
            await NoticeAsync(caseId, threadId, $"Not sent to the customer: the message is {text.Length} characters long; the limit is {limit}.").ConfigureAwait(false);
            return new InboundResponse(200);
        }

        var activityId = activity.Id;
        if (activityId is not null && !await threads.TryClaimAsync(threadId, activityId).ConfigureAwait(false))
        {
            TeamsLog.DuplicateRelay(logger, activityId, threadId);
            return new InboundResponse(200);
        }

        var from = activity.From;
        var agent = new AgentRef(
            from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id ?? "teams-agent",
            string.IsNullOrWhiteSpace(from?.Name) ? "An agent" : from!.Name!.Trim(),
            AgentHubs.Teams);
        HandoffActionOutcome outcome;
        try
        {
            outcome = await handoffs.SendToCustomerAsync(caseId, agent, text, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The service refused the text itself: saying so is the answer; Teams retrying would not help.
            await NoticeAsync(caseId, threadId, "Not sent to the customer: the message could not be accepted.").ConfigureAwait(false);
            return new InboundResponse(200);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TeamsLog.RelayFailed(logger, ex, caseId);
            if (activityId is not null)
            {
                await threads.ReleaseAsync(threadId, activityId).ConfigureAwait(false);
            }

            return new InboundResponse(500);
        }

        if (outcome != HandoffActionOutcome.Done)
        {
            TeamsLog.NotRelayed(logger, caseId, outcome.ToString());
            var current = await handoffs.GetAsync(caseId).ConfigureAwait(false);
            var notice = (outcome, current?.Status) switch
            {
                (HandoffActionOutcome.NotActive, HandoffStatus.Waiting) => $"{agent.Name}, press Accept on the card first: this message was not sent to the customer.",
                (HandoffActionOutcome.NotActive, _) => "This case is closed: this message was not sent to the customer.",
                (HandoffActionOutcome.NotYours, _) => $"{current?.Agent?.Name ?? "Another agent"} has this case: your message was not sent to the customer.",
                _ => $"There is no handoff case {caseId}: this message was not sent.",
            };
            await NoticeAsync(caseId, threadId, notice).ConfigureAwait(false);
        }

        return new InboundResponse(200);
    }

    /// <summary>Tells the thread something (best effort: the agent's HTTP call is answered either way).</summary>
    private async Task NoticeAsync(string caseId, string threadId, string text)
    {
        try
        {
            var handoffCase = await handoffs.GetAsync(caseId).ConfigureAwait(false);
            var serviceUrl = handoffCase is not null && TeamsAgentHub.ThreadOf(handoffCase) is { ServiceUrl.Length: > 0 } thread ? thread.ServiceUrl : _options.ServiceUrl;
            await hub.PostAsync(serviceUrl, threadId, text, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TeamsLog.NoticeFailed(logger, ex, caseId);
        }
    }

    private static InboundResponse Json(JsonObject body) => new(200, TeamsAgentHub.ToElement(body));
}
