using Microsoft.Extensions.Options;
using SupportBot.Connectors.BotService;
using SupportBot.Connectors.BotService.Authentication;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Bot.Api;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework webhook (PROTOCOLS.md §2–3): authenticates the channel's token
/// against the activity, refuses service URLs replies could not go to, offers the activity to the inbound
/// handlers (the Teams hub), then runs it as a turn. One instance serves every request.
/// </summary>
internal sealed class MessagesEndpoint(
    DurableBotAdapter adapter,
    IBot bot,
    BotFrameworkAuthenticator authenticator,
    ServiceUrlPolicy serviceUrls,
    IEnumerable<IBotServiceInboundHandler> handlers,
    IOptions<BotFrameworkOptions> options,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(ApiLog.Category);
    private readonly IBotServiceInboundHandler[] _handlers = [.. handlers];
    private readonly BotFrameworkOptions _options = options.Value;

    /// <summary>Answers one call (a <see cref="RequestDelegate"/>).</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var result = await PostAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    internal async Task<IResult> PostAsync(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;

        // Refuse before reading the body when no token can possibly be good enough.
        if (!_options.RequiresAuthentication && !_options.AllowUnauthenticated)
        {
            return Unauthorized(context, "no app id is configured and unauthenticated mode is off",
                "This bot accepts no calls: configure BotFramework:MicrosoftAppId (or AllowUnauthenticated for local development).");
        }

        if (_options.RequiresAuthentication && string.IsNullOrEmpty(authorization))
        {
            return Unauthorized(context, "no bearer token", "This bot requires a Bot Framework token.");
        }

        Activity activity;
        try
        {
            activity = await ActivityBodyReader.ReadAsync(context, context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidActivityException ex)
        {
            return Invalid(ex);
        }

        var verdict = await authenticator.AuthenticateAsync(authorization, activity, context.RequestAborted).ConfigureAwait(false);
        if (!verdict.Succeeded)
        {
            return verdict.StatusCode == StatusCodes.Status403Forbidden
                ? Forbidden(verdict.Reason, "The token does not cover this activity.")
                : Unauthorized(context, verdict.Reason, "The Bot Framework token is missing or invalid.");
        }

        // Replies go to serviceUrl: a turn whose answers could never be sent is refused up front.
        if (!string.IsNullOrEmpty(activity.ServiceUrl) && !serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            ApiLog.ServiceUrlRefused(_logger, activity.ServiceUrl);
            return Forbidden("service URL not allowed", "The activity's serviceUrl is not one this bot replies to.");
        }

        TurnResult result;
        try
        {
            foreach (var handler in _handlers)
            {
                if (await handler.HandleAsync(activity, context.RequestAborted).ConfigureAwait(false) is { } handled)
                {
                    return handled.Body is { } json
                        ? TypedResults.Json(json, CoreJsonContext.Default.JsonElement, statusCode: handled.StatusCode)
                        : TypedResults.StatusCode(handled.StatusCode);
                }
            }

            // The turn is not tied to the caller's connection: once it starts it commits or not as a whole.
            result = await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidActivityException ex)
        {
            return Invalid(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was committed, so the channel's retry will run the turn again.
            ApiLog.Failed(_logger, ex, activity.ChannelId ?? "unknown");
            return Error(StatusCodes.Status500InternalServerError, ErrorCodes.ServiceError, "The activity could not be processed; please retry.");
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            return TypedResults.Json(new ExpectedReplies([.. result.Replies]), CoreJsonContext.Default.ExpectedReplies);
        }

        return TypedResults.Ok();
    }

    private IResult Invalid(InvalidActivityException ex)
    {
        var status = ex.Code == ErrorCodes.MessageSizeTooBig ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        ApiLog.Rejected(_logger, status, ex.Code);
        return Error(status, ex.Code, ex.Message);
    }

    private IResult Unauthorized(HttpContext context, string reason, string message)
    {
        ApiLog.Unauthenticated(_logger, reason);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message);
    }

    private IResult Forbidden(string reason, string message)
    {
        ApiLog.Unauthenticated(_logger, reason);
        return Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, message);
    }

    private static IResult Error(int statusCode, string code, string message) =>
        TypedResults.Json(ErrorResponse.Of(code, message), CoreJsonContext.Default.ErrorResponse, statusCode: statusCode);
}
