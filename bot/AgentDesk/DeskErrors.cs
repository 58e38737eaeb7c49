using SupportBot.Core.Schema;

namespace SupportBot.Bot.AgentDesk;

/// <summary>The desk API's error bodies: <c>{"error":{"code","message"}}</c>, as everywhere in the host.</summary>
internal static class DeskErrors
{
    public const string DeskOffMessage =
        "The agent desk is off: no agents are configured. Add them under AgentDesk:Agents in appsettings.json (see the README, \"Agent desk\").";

    public static IResult Of(string code, string message, int statusCode) =>
        TypedResults.Json(ErrorResponse.Of(code, message), CoreJsonContext.Default.ErrorResponse, statusCode: statusCode);

    public static IResult Antiforgery() =>
        Of("AntiforgeryTokenInvalid", "The request carried no valid antiforgery token; reload the desk.", StatusCodes.Status400BadRequest);

    public static Task WriteAsync(HttpContext context, string code, string message, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(ErrorResponse.Of(code, message), CoreJsonContext.Default.ErrorResponse);
    }
}
