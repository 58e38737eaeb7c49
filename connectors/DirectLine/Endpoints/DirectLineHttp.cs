using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>What every Direct Line endpoint shares: credentials, error bodies, public URLs.</summary>
internal static class DirectLineHttp
{
    public const string BasePath = "/v3/directline";
    public const string TokenExpired = "TokenExpired";

    /// <summary>The credential of a request: the bearer value, or a stream URL's <c>t</c>.</summary>
    public static string? CredentialOf(HttpRequest request, bool allowQuery = false)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return allowQuery ? request.Query["t"].ToString() is { Length: > 0 } t ? t : null : null;
    }

    /// <summary>
    /// Checks the credential and that it reaches <paramref name="conversationId"/> (when given): 401 without
    /// one, 403 for a bad or expired one (code <c>TokenExpired</c>) or another conversation's token.
    /// </summary>
    public static async Task<(DirectLineCaller? Caller, IResult? Error)> AuthorizeAsync(
        HttpContext context, DirectLineTokens tokens, string? conversationId, bool allowQuery = false)
    {
        var check = await tokens.CheckAsync(CredentialOf(context.Request, allowQuery), context.RequestAborted).ConfigureAwait(false);
        switch (check.Status)
        {
            case CredentialStatus.Missing:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return (null, Error(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Authorization: Bearer <token> is required."));
            case CredentialStatus.Expired:
                return (null, Error(context, StatusCodes.Status403Forbidden, TokenExpired, "The token has expired; get a new one."));
            case CredentialStatus.Invalid:
                return (null, Error(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "The credential is not valid."));
        }

        var caller = check.Caller!;
        if (conversationId is not null && !caller.Reaches(conversationId))
        {
            return (null, Error(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "The token is not valid for this conversation."));
        }

        return (caller, null);
    }

    public static IResult Error(HttpContext context, int statusCode, string code, string message)
    {
        var logger = context.RequestServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory
            ? factory.CreateLogger(DirectLineLog.Category)
            : null;
        if (logger is not null)
        {
            DirectLineLog.Rejected(logger, statusCode, code);
        }

        return TypedResults.Json(ErrorResponse.Of(code, message), CoreJsonContext.Default.ErrorResponse, statusCode: statusCode);
    }

    /// <summary>The public base of this server (after forwarded headers): <c>https://host/pathbase</c>.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The pre-authorised stream URL (PROTOCOLS.md §1): absolute <c>ws://</c> or <c>wss://</c>, the token in
    /// <c>t</c> because a browser opens it without headers.
    /// </summary>
    public static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var mark = string.IsNullOrEmpty(watermark) ? "-" : Uri.EscapeDataString(watermark);
        return $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark={mark}&t={Uri.EscapeDataString(token)}";
    }

    /// <summary>A watermark query value: missing, <c>-</c> or empty mean "from the start"; null when malformed.</summary>
    public static long? ParseWatermark(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "-")
        {
            return 0;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mark) ? mark : null;
    }

    public static int ExpiresIn(DirectLineToken token) => (int)Math.Max(0, (token.ExpiresAt - token.IssuedAt).TotalSeconds);
}
