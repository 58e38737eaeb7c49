using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// The queue and the cases: <c>GET /agent/api/queue</c>, <c>GET /agent/api/cases/{id}</c>, and the agent's actions
/// <c>POST …/accept</c>, <c>…/messages</c> (<c>{"text"}</c>), <c>…/resolve</c> (<c>{"note"}</c>, optional) and
/// <c>…/return</c>, all through <see cref="HandoffService"/>. Errors are <c>{"error":{"code","message"}}</c>:
/// 400 bad body, 403 another agent's case, 404 no such case, 409 already taken (naming who has it) or not active.
/// </summary>
internal static class DeskCaseApi
{
    /// <summary>Larger bodies are refused before parsing (a message is at most Handoff:MaxAgentMessageLength characters).</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>The most transcript activities one case view reads (the newest are kept).</summary>
    private const int MaxTranscriptActivities = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/queue", QueueAsync);
        api.MapGet("/cases/{id}", CaseAsync);
        api.MapPost("/cases/{id}/accept", AcceptAsync).RequireAntiforgeryToken();
        api.MapPost("/cases/{id}/messages", SendAsync).RequireAntiforgeryToken();
        api.MapPost("/cases/{id}/resolve", ResolveAsync).RequireAntiforgeryToken();
        api.MapPost("/cases/{id}/return", ReturnAsync).RequireAntiforgeryToken();
    }

    private static async Task<IResult> QueueAsync(HttpContext context, HandoffService handoff)
    {
        context.Response.Headers.CacheControl = "no-store";
        var waiting = await handoff.ListAsync(HandoffStatus.Waiting, context.RequestAborted).ConfigureAwait(false);
        var withAgent = await handoff.ListAsync(HandoffStatus.WithAgent, context.RequestAborted).ConfigureAwait(false);
        var cases = waiting.OrderBy(c => c.CreatedAt).Concat(withAgent.OrderBy(c => c.CreatedAt)).Select(DeskViews.Summary).ToList();
        return TypedResults.Json(new DeskQueue(cases), DeskJsonContext.Default.DeskQueue);
    }

    private static async Task<IResult> CaseAsync(string id, HttpContext context, HandoffService handoff, ITranscriptStore transcripts)
    {
        context.Response.Headers.CacheControl = "no-store";
        var handoffCase = await handoff.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (handoffCase is null)
        {
            return NotFound(id);
        }

        var transcript = await ReadTranscriptAsync(transcripts, handoffCase, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(DeskViews.Detail(handoffCase, transcript), DeskJsonContext.Default.DeskCaseDetail);
    }

    private static async Task<IResult> AcceptAsync(string id, HttpContext context, HandoffService handoff, IOptions<AgentDeskOptions> options)
    {
        var agent = Agent(context, options.Value);
        var result = await handoff.AcceptAsync(id, agent, context.RequestAborted).ConfigureAwait(false);
        return result switch
        {
            { Outcome: AcceptOutcome.Accepted, Case: { } accepted } => Done(accepted),
            // Accepting one's own case again (a double click, a second tab) is not a conflict.
            { Outcome: AcceptOutcome.AlreadyTaken, TakenBy: { } taken, Case: { } current } when taken.Id == agent.Id && taken.Hub == agent.Hub => Done(current),
            { Outcome: AcceptOutcome.AlreadyTaken, TakenBy: { } taken } =>
                DeskErrors.Of("AlreadyTaken", $"{taken.Name} already has {id}{(taken.Hub == AgentHubs.Desk ? string.Empty : $" (in {taken.Hub})")}.", StatusCodes.Status409Conflict),
            { Outcome: AcceptOutcome.NotWaiting, Case: { } current } =>
                DeskErrors.Of("NotWaiting", $"{id} is no longer waiting ({HandoffJson.Name(current.Status)}).", StatusCodes.Status409Conflict),
            _ => NotFound(id),
        };
    }

    private static async Task<IResult> SendAsync(string id, HttpContext context, HandoffService handoff, IOptions<AgentDeskOptions> options)
    {
        var (request, error) = await ReadBodyAsync(context, DeskJsonContext.Default.DeskMessageRequest, required: true).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var text = request?.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DeskErrors.Of("EmptyMessage", "Write something to send.", StatusCodes.Status400BadRequest);
        }

        if (text.Length > handoff.Options.MaxAgentMessageLength)
        {
            return DeskErrors.Of("MessageTooLong", $"A message can be at most {handoff.Options.MaxAgentMessageLength} characters.", StatusCodes.Status400BadRequest);
        }

        var outcome = await handoff.SendToCustomerAsync(id, Agent(context, options.Value), text, context.RequestAborted).ConfigureAwait(false);
        return await OutcomeAsync(id, outcome, handoff, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> ResolveAsync(string id, HttpContext context, HandoffService handoff, IOptions<AgentDeskOptions> options)
    {
        var (request, error) = await ReadBodyAsync(context, DeskJsonContext.Default.DeskResolveRequest, required: false).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        var outcome = await handoff.ResolveAsync(id, Agent(context, options.Value), note, context.RequestAborted).ConfigureAwait(false);
        return await OutcomeAsync(id, outcome, handoff, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> ReturnAsync(string id, HttpContext context, HandoffService handoff, IOptions<AgentDeskOptions> options)
    {
        var outcome = await handoff.ReturnToBotAsync(id, Agent(context, options.Value), context.RequestAborted).ConfigureAwait(false);
        return await OutcomeAsync(id, outcome, handoff, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> OutcomeAsync(string id, HandoffActionOutcome outcome, HandoffService handoff, CancellationToken cancellationToken)
    {
        var current = await handoff.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return (outcome, current) switch
        {
            (_, null) => NotFound(id),
            (HandoffActionOutcome.Done, { } done) => Done(done),
            (HandoffActionOutcome.NotYours, { } taken) =>
                DeskErrors.Of("NotYours", $"{taken.Agent?.Name ?? "Another agent"} has {id}.", StatusCodes.Status403Forbidden),
            (HandoffActionOutcome.NotActive, { Status: HandoffStatus.Waiting }) =>
                DeskErrors.Of("NotAccepted", $"Accept {id} first.", StatusCodes.Status409Conflict),
            (_, { } inactive) =>
                DeskErrors.Of("NotActive", $"{id} is no longer open ({HandoffJson.Name(inactive.Status)}).", StatusCodes.Status409Conflict),
        };
    }

    private static IResult Done(HandoffCase handoffCase) =>
        TypedResults.Json(new DeskActionResponse(DeskViews.Summary(handoffCase)), DeskJsonContext.Default.DeskActionResponse);

    private static IResult NotFound(string id) =>
        DeskErrors.Of("NotFound", $"There is no case {(id.Length > 40 ? "with that id" : id)}.", StatusCodes.Status404NotFound);

    /// <summary>The signed-in agent as the handoff knows them: the configured name (the policy guarantees a configured id).</summary>
    private static AgentRef Agent(HttpContext context, AgentDeskOptions options)
    {
        var account = options.Find(AgentDeskAuth.AgentId(context.User))
            ?? throw new InvalidOperationException("The cookie's validation signs out agents who are no longer configured.");
        return new AgentRef(account.Id, account.Name, AgentHubs.Desk);
    }

    private static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool required)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return required
                ? (null, DeskErrors.Of("MissingBody", "Send a JSON body.", StatusCodes.Status400BadRequest))
                : (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, DeskErrors.Of("UnsupportedMediaType", "Send the body as application/json.", StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, DeskErrors.Of("TooLarge", $"The body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, context.RequestAborted).ConfigureAwait(false);
            return value is null && required
                ? (null, DeskErrors.Of("MissingBody", "Send a JSON object.", StatusCodes.Status400BadRequest))
                : (value, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, DeskErrors.Of("TooLarge", $"The body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        }
        catch (JsonException)
        {
            return (null, DeskErrors.Of("InvalidJson", "The body is not valid JSON of the expected shape.", StatusCodes.Status400BadRequest));
        }
    }

    private static async Task<IReadOnlyList<Activity>> ReadTranscriptAsync(ITranscriptStore transcripts, HandoffCase handoffCase, CancellationToken cancellationToken)
    {
        var all = new List<Activity>();
        string? token = null;
        do
        {
            var page = await transcripts.GetTranscriptActivitiesAsync(handoffCase.ChannelId, handoffCase.ConversationId, token, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Activities);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all.Count > MaxTranscriptActivities ? all[^MaxTranscriptActivities..] : all;
    }
}
