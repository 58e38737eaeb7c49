using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;
using static SupportBot.Connectors.DirectLine.Endpoints.DirectLineHttp;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>Tokens and conversations (PROTOCOLS.md §1): generate, refresh, start, reconnect.</summary>
internal static class ConversationEndpoints
{
    private const int MaxSmallBody = 16 * 1024;

    /// <summary>A new user id of the form Direct Line tokens bind: <c>dl_</c> and 32 hex digits.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary><c>POST /tokens/generate</c> (secret only): a token for a new conversation.</summary>
    public static async Task<IResult> GenerateAsync(HttpContext context, DirectLineTokens tokens)
    {
        var (caller, error) = await AuthorizeAsync(context, tokens, null).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!caller!.IsSecret)
        {
            return Error(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Generating tokens needs the secret.");
        }

        var (request, bad) = await ReadRequestAsync(context).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var (userId, userName, badUser) = UserOf(context, request);
        if (badUser is not null)
        {
            return badUser;
        }

        var (token, claims) = await tokens.IssueAsync(DirectLineConversations.NewConversationId(), userId, userName, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new ConversationResponse(claims.ConversationId, token, ExpiresIn(claims)), DirectLineJsonContext.Default.ConversationResponse);
    }

    /// <summary><c>POST /tokens/refresh</c> (token only): the same grant with a new expiry; expired → 403 TokenExpired.</summary>
    public static async Task<IResult> RefreshAsync(HttpContext context, DirectLineTokens tokens)
    {
        var (caller, error) = await AuthorizeAsync(context, tokens, null).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (caller!.Token is not { } old)
        {
            return Error(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only a token can be refreshed.");
        }

        var (token, claims) = await tokens.IssueAsync(old.ConversationId, old.UserId, old.UserName, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new ConversationResponse(claims.ConversationId, token, ExpiresIn(claims)), DirectLineJsonContext.Default.ConversationResponse);
    }

    /// <summary>
    /// <c>POST /conversations</c>: with a token, starts its conversation (201) or answers the one it already
    /// started (200); with the secret, starts a new one (201).
    /// </summary>
    public static async Task<IResult> StartAsync(HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        var (caller, error) = await AuthorizeAsync(context, tokens, null).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var (request, bad) = await ReadRequestAsync(context).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        string token;
        DirectLineToken claims;
        if (caller!.Token is { } given)
        {
            (token, claims) = (CredentialOf(context.Request)!, given);
        }
        else
        {
            var (userId, userName, badUser) = UserOf(context, request);
            if (badUser is not null)
            {
                return badUser;
            }

            (token, claims) = await tokens.IssueAsync(DirectLineConversations.NewConversationId(), userId, userName, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }

        var created = await conversations.CreateAsync(claims.ConversationId, claims.UserId, context.RequestAborted).ConfigureAwait(false);
        var body = new ConversationResponse(claims.ConversationId, token, ExpiresIn(claims), StreamUrl(context.Request, claims.ConversationId, token, null));
        return TypedResults.Json(body, DirectLineJsonContext.Default.ConversationResponse, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// <c>GET /conversations/{id}?watermark=</c> (reconnect, page reload): a fresh token and a stream URL that
    /// replays from the watermark; the client replaces its token with this one.
    /// </summary>
    public static async Task<IResult> ReconnectAsync(HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        var (caller, error) = await AuthorizeAsync(context, tokens, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var watermark = context.Request.Query["watermark"].ToString();
        if (ParseWatermark(watermark) is null)
        {
            return Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The watermark is not valid.");
        }

        var head = await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (head is null)
        {
            return Error(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "The conversation does not exist.");
        }

        var (token, claims) = await tokens.IssueAsync(conversationId, caller!.Token?.UserId ?? head.UserId, caller.Token?.UserName, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var body = new ConversationResponse(conversationId, token, ExpiresIn(claims), StreamUrl(context.Request, conversationId, token, watermark));
        return TypedResults.Json(body, DirectLineJsonContext.Default.ConversationResponse);
    }

    private static async Task<(TokenRequest? Request, IResult? Error)> ReadRequestAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return (null, null);
        }

        if (context.Request.ContentLength > MaxSmallBody)
        {
            return (null, Error(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.MessageSizeTooBig, "The body is too large."));
        }

        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            if (buffer.Length == 0)
            {
                return (null, null);
            }

            if (buffer.Length > MaxSmallBody)
            {
                return (null, Error(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.MessageSizeTooBig, "The body is too large."));
            }

            return (JsonSerializer.Deserialize(buffer.ToArray(), DirectLineJsonContext.Default.TokenRequest), null);
        }
        catch (JsonException)
        {
            return (null, Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadSyntax, "The body is not valid JSON."));
        }
    }

    private static (string UserId, string? UserName, IResult? Error) UserOf(HttpContext context, TokenRequest? request)
    {
        var id = request?.User?.Id;
        if (string.IsNullOrEmpty(id))
        {
            return (NewUserId(), request?.User?.Name, null);
        }

        if (!id.StartsWith("dl_", StringComparison.Ordinal) || id.Length > 128)
        {
            return (string.Empty, null, Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The user id must start with 'dl_' and be at most 128 characters."));
        }

        return (id, request?.User?.Name, null);
    }
}
