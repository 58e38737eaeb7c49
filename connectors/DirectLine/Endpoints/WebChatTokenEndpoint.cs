using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;
using static SupportBot.Connectors.DirectLine.Endpoints.DirectLineHttp;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>
/// <c>POST /api/webchat/token</c>: what the chat page calls instead of holding a secret. It answers a
/// token for a new conversation bound to a new <c>dl_</c> user id. Only pages from this host's own
/// origin or from <c>Channels:DirectLine:AllowedOrigins</c> may ask (the <c>Origin</c> header is required;
/// browsers always send it on a POST).
/// </summary>
internal static class WebChatTokenEndpoint
{
    public const string Path = "/api/webchat/token";

    public static async Task<IResult> IssueAsync(HttpContext context, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return Error(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "The request has no Origin.");
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) && !options.Value.IsAllowedOrigin(origin))
        {
            return Error(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This origin may not start web chats.");
        }

        var userId = ConversationEndpoints.NewUserId();
        var (token, claims) = await tokens.IssueAsync(DirectLineConversations.NewConversationId(), userId, null, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new WebChatTokenResponse(claims.ConversationId, token, ExpiresIn(claims), userId), DirectLineJsonContext.Default.WebChatTokenResponse);
    }
}
