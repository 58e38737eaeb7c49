using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// The desk's JSON API under <c>/agent/api</c>. Every endpoint requires a signed-in agent (401 otherwise);
/// every state-changing one also the antiforgery token in the <c>X-CSRF-Token</c> header (400 otherwise).
/// </summary>
internal static class DeskApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(AgentDeskAuth.ApiPath)
            .RequireAuthorization(AgentDeskAuth.Policy)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        api.MapGet("/me", Me);
        api.MapGet("/events", DeskEventsEndpoint.Events);
        DeskCaseApi.Map(api);
    }

    /// <summary>Validates the antiforgery header on state-changing calls (the JSON API binds no forms, so it is checked here).</summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                DeskLog.AntiforgeryRejected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(DeskLog.Category), context.Request.Method, context.Request.Path);
                return DeskErrors.Antiforgery();
            }

            return await next(invocation).ConfigureAwait(false);
        });

    private static IResult Me(HttpContext context, IAntiforgery antiforgery)
    {
        context.Response.Headers.CacheControl = "no-store";
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Json(
            new DeskSession(
                AgentDeskAuth.AgentId(context.User),
                context.User.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
                tokens.RequestToken ?? string.Empty,
                AgentDeskAuth.AntiforgeryHeader),
            DeskJsonContext.Default.DeskSession);
    }
}
