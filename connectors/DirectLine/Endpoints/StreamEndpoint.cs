using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Streaming;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;
using static SupportBot.Connectors.DirectLine.Endpoints.DirectLineHttp;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>
/// <c>GET /conversations/{id}/stream?watermark=&amp;t=</c>: the WebSocket stream. It first replays what
/// was logged after the watermark, then carries each new activity; joining happens while the
/// conversation's appends wait, so nothing falls between replay and live traffic and nothing comes twice.
/// </summary>
internal static class StreamEndpoint
{
    public static async Task<IResult> ConnectAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations,
        DirectLineStreams streams, IOptions<DirectLineOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var (_, error) = await AuthorizeAsync(context, tokens, conversationId, allowQuery: true).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (ParseWatermark(context.Request.Query["watermark"].ToString()) is not { } watermark)
        {
            return Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The watermark is not valid.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The stream is a WebSocket.");
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Error(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "The conversation does not exist.");
        }

        var arrival = streams.NextArrival();
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        DirectLineLog.StreamOpened(loggerFactory.CreateLogger(DirectLineLog.Category));
        var settings = options.Value;
        var connection = new StreamConnection(socket, settings.KeepAliveInterval, timeProvider);
        await conversations.WithAppendsPausedAsync(conversationId, async () =>
        {
            var mark = watermark;
            while (true)
            {
                var (activities, next) = await conversations.ReadAsync(conversationId, mark, settings.ActivitiesPageSize, context.RequestAborted).ConfigureAwait(false);
                if (activities.Count == 0)
                {
                    break;
                }

                connection.Enqueue(new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                mark = next;
            }

            streams.Attach(conversationId, connection, arrival);
            return true;
        }).ConfigureAwait(false);

        try
        {
            await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            streams.Detach(conversationId, connection);
        }

        return Results.Empty;
    }
}
