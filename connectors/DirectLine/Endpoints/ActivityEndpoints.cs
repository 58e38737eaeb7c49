using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;
using static SupportBot.Connectors.DirectLine.Endpoints.DirectLineHttp;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>Posting and reading activities (PROTOCOLS.md §1).</summary>
internal static class ActivityEndpoints
{
    /// <summary><c>POST /conversations/{id}/activities</c>: one activity; answers its server id, 502 when the bot failed.</summary>
    public static async Task<IResult> PostAsync(HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineConnector connector)
    {
        var (caller, error) = await AuthorizeAsync(context, tokens, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Error(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "The conversation does not exist.");
        }

        try
        {
            var posted = await ReadBodyAsync(context).ConfigureAwait(false);
            return await PostActivityAsync(context, posted, caller!, conversationId, connector).ConfigureAwait(false);
        }
        catch (InvalidActivityException ex)
        {
            return Invalid(context, ex);
        }
    }

    /// <summary><c>GET /conversations/{id}/activities?watermark=</c>: the activities after the watermark, a page at a time.</summary>
    public static async Task<IResult> GetAsync(HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        var (_, error) = await AuthorizeAsync(context, tokens, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (ParseWatermark(context.Request.Query["watermark"].ToString()) is not { } watermark)
        {
            return Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The watermark is not valid.");
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Error(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "The conversation does not exist.");
        }

        var (activities, next) = await conversations.ReadAsync(conversationId, watermark, options.Value.ActivitiesPageSize, context.RequestAborted).ConfigureAwait(false);
        var json = ActivitySetWriter.ToUtf8(new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return TypedResults.Bytes(json, "application/json; charset=utf-8");
    }

    /// <summary>Runs a parsed activity through the connector and maps its failures to status codes.</summary>
    internal static async Task<IResult> PostActivityAsync(HttpContext context, Activity posted, DirectLineCaller caller, string conversationId, DirectLineConnector connector)
    {
        if (caller.IsSecret && string.IsNullOrWhiteSpace(posted.From?.Id))
        {
            return Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The activity has no 'from.id'.");
        }

        try
        {
            var id = await connector.PostAsync(posted, caller, conversationId, ServiceUrl(context.Request), context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(new ResourceResponse(id), CoreJsonContext.Default.ResourceResponse);
        }
        catch (InvalidActivityException ex)
        {
            return Invalid(context, ex);
        }
        catch (DirectLineBotException)
        {
            return Error(context, StatusCodes.Status502BadGateway, ErrorCodes.ServiceError, "The bot could not process the activity; please retry.");
        }
    }

    private static IResult Invalid(HttpContext context, InvalidActivityException ex) => ex.Code == ErrorCodes.MessageSizeTooBig
        ? Error(context, StatusCodes.Status413PayloadTooLarge, ex.Code, ex.Message)
        : Error(context, StatusCodes.Status400BadRequest, ex.Code, ex.Message);

    private static async Task<Activity> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ActivityJson.MaxActivityUtf8Bytes;
        }

        try
        {
            return await ActivityJson.ReadAsync(context.Request.BodyReader, context.Request.ContentLength, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ActivityJson.TooBig();
        }
    }
}
