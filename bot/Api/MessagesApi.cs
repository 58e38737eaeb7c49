using Microsoft.Extensions.Options;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Bot.Api;

/// <summary>The Bot Framework webhook: <c>POST /api/messages</c> takes one activity (PROTOCOLS.md §2).</summary>
public static class MessagesApi
{
    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/messages", PostMessageAsync);
        return app;
    }

    /// <summary>
    /// Runs the activity as a turn. With <c>deliveryMode: expectReplies</c> the replies come back in the
    /// response; otherwise they wait in the durable outbox for the channel's sender. The Bot Connector
    /// client that posts them to <c>serviceUrl</c> arrives in a later issue; until then only the console
    /// channel has a sender, and webhook callers should ask for expectReplies.
    /// </summary>
    internal static async Task<IResult> PostMessageAsync(
        HttpContext context,
        DurableBotAdapter adapter,
        IBot bot,
        IOptions<BotFrameworkOptions> botFramework,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(ApiLog.Category);

        // Token validation (PROTOCOLS.md, Bot Framework auth) comes in a later issue. Until then a host
        // that names an app id is meant to be reachable by the Bot Connector, so it must refuse everyone
        // rather than accept unauthenticated traffic.
        if (!string.IsNullOrEmpty(botFramework.Value.MicrosoftAppId))
        {
            ApiLog.Unauthenticated(logger);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "This bot requires an authenticated Bot Framework caller.");
        }

        Activity? activity = null;
        TurnResult result;
        try
        {
            var body = await ActivityBodyReader.ReadAsync(context, context.RequestAborted).ConfigureAwait(false);
            activity = ActivityJson.Deserialize(body);

            // The turn is not tied to the caller's connection: once it starts it commits or not as a whole.
            result = await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidActivityException ex)
        {
            var status = ex.Code == ErrorCodes.MessageSizeTooBig ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            ApiLog.Rejected(logger, status, ex.Code);
            return Error(status, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was committed, so the channel's retry will run the turn again.
            ApiLog.Failed(logger, ex, activity?.ChannelId ?? "unknown");
            return Error(StatusCodes.Status500InternalServerError, ErrorCodes.ServiceError, "The activity could not be processed; please retry.");
        }

        if (activity!.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            return TypedResults.Json(new ExpectedReplies([.. result.Replies]), CoreJsonContext.Default.ExpectedReplies);
        }

        return TypedResults.Ok();
    }

    private static IResult Error(int statusCode, string code, string message) =>
        TypedResults.Json(ErrorResponse.Of(code, message), CoreJsonContext.Default.ErrorResponse, statusCode: statusCode);
}
