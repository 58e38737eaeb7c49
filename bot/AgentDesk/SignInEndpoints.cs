using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// <c>GET/POST /agent/signin</c> (the only desk endpoints open to anonymous callers) and <c>POST /agent/signout</c>.
/// A plain HTML form with an antiforgery token; failures count towards the lockout (<see cref="SignInThrottle"/>).
/// </summary>
internal static class SignInEndpoints
{
    private const int MaxIdLength = 100;
    private const int MaxPasswordLength = 1024;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(AgentDeskAuth.SignInPath, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(AgentDeskAuth.SignInPath, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        routes.MapPost(AgentDeskAuth.BasePath + "/signout", SignOutAsync).RequireAuthorization(AgentDeskAuth.Policy).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, DeskPages pages)
    {
        var signedIn = await context.AuthenticateAsync(AgentDeskAuth.Scheme).ConfigureAwait(false);
        if (signedIn.Succeeded)
        {
            return TypedResults.Redirect(AgentDeskAuth.BasePath);
        }

        return Page(context, antiforgery, pages, message: null, agentId: null);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, DeskPages pages, SignInThrottle throttle, IOptions<AgentDeskOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(DeskLog.Category);
        if (!context.Request.HasFormContentType)
        {
            return Page(context, antiforgery, pages, "Please sign in with the form.", null, StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            DeskLog.AntiforgeryRejected(logger, context.Request.Method, context.Request.Path);
            return Page(context, antiforgery, pages, "The sign-in form had expired. Please try again.", null, StatusCodes.Status400BadRequest);
        }

        var id = form["agent"].ToString().Trim();
        var password = form["password"].ToString();
        if (id.Length is 0 or > MaxIdLength || password.Length is 0 or > MaxPasswordLength)
        {
            return Page(context, antiforgery, pages, "Please enter your agent id and password.", id.Length > MaxIdLength ? null : id, StatusCodes.Status400BadRequest);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var locked = throttle.LockedFor(id, address);
        if (locked > TimeSpan.Zero)
        {
            DeskLog.LockedOut(logger, address, locked);
            var minutes = (int)Math.Ceiling(locked.TotalMinutes);
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(locked.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Page(context, antiforgery, pages, $"Too many failed sign-ins. Please try again in {minutes} minute{(minutes == 1 ? "" : "s")}.", id, StatusCodes.Status429TooManyRequests);
        }

        var agent = options.Value.Find(id);
        if (!AgentPasswords.Verify(agent, password))
        {
            throttle.Failed(id, address);
            DeskLog.SignInFailed(logger, agent is null ? "unknown id" : $"agent '{agent.Id}'", address);
            return Page(context, antiforgery, pages, "That agent id and password do not match.", id, StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(agent!.Id);
        await context.SignInAsync(AgentDeskAuth.Scheme, AgentDeskAuth.Principal(agent), new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        DeskLog.SignedIn(logger, agent.Id, address);
        return TypedResults.Redirect(AgentDeskAuth.BasePath);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(DeskLog.Category);
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            DeskLog.AntiforgeryRejected(logger, context.Request.Method, context.Request.Path);
            return DeskErrors.Antiforgery();
        }

        DeskLog.SignedOut(logger, AgentDeskAuth.AgentId(context.User));
        await context.SignOutAsync(AgentDeskAuth.Scheme).ConfigureAwait(false);
        return TypedResults.Redirect(AgentDeskAuth.SignInPath);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, DeskPages pages, string? message, string? agentId, int statusCode = StatusCodes.Status200OK)
    {
        var token = antiforgery.GetAndStoreTokens(context).RequestToken ?? throw new InvalidOperationException("Antiforgery produced no request token.");
        return pages.SignIn(context, token, message, agentId, statusCode);
    }
}
