using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SupportBot.Bot.AgentDesk;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Extensions;

/// <summary>
/// The built-in agent desk at <c>/agent</c> (issue 6, point 4), section <c>AgentDesk</c>: cookie sign-in for the
/// agents configured with hashed passwords, antiforgery on every state-changing call, lockout after failed
/// sign-ins, and no anonymous access to anything under <c>/agent</c> but the sign-in form and its stylesheet.
/// </summary>
public static class AgentDeskExtensions
{
    /// <summary>Paths under <c>/agent</c> an anonymous caller may fetch: the sign-in form and its stylesheet.</summary>
    private static readonly string[] PublicPaths = [AgentDeskAuth.SignInPath, AgentDeskAuth.BasePath + "/desk.css"];

    /// <summary>Binds and validates <c>AgentDesk</c>; registers the cookie scheme, policy, antiforgery and the desk's services.</summary>
    public static IHostApplicationBuilder AddAgentDesk(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AgentDeskOptions>()
            .Bind(builder.Configuration.GetSection(AgentDeskOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentDeskOptions>, AgentDeskOptionsValidator>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DeskEventStream>();
        services.AddSingleton(sp => new DeskPages(sp.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));

        // The desk takes handoffs only when someone can sign in: with no agents, no hub, and escalation falls back
        // to a ticket (HandoffService.IsAvailable) unless another hub (Teams) is on.
        if (builder.Configuration.GetSection(AgentDeskOptions.SectionName + ":Agents").GetChildren().Any())
        {
            services.AddSingleton<IAgentHub, DeskAgentHub>();
        }

        // A named scheme, never the default: the desk's cookie authenticates nothing outside /agent.
        services.AddAuthentication().AddCookie(AgentDeskAuth.Scheme, cookie =>
        {
            cookie.Cookie.Name = AgentDeskAuth.CookieName;
            cookie.Cookie.Path = AgentDeskAuth.BasePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = AgentDeskAuth.SignInPath;
            cookie.AccessDeniedPath = AgentDeskAuth.SignInPath;
            cookie.ReturnUrlParameter = string.Empty;
            cookie.Events = new CookieAuthenticationEvents
            {
                // The API answers 401 with a JSON error; pages go to the sign-in form.
                OnRedirectToLogin = context => IsApi(context.Request)
                    ? DeskErrors.WriteAsync(context.HttpContext, "Unauthorized", "Sign in to the agent desk first.", StatusCodes.Status401Unauthorized)
                    : Redirect(context, AgentDeskAuth.SignInPath),
                OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? DeskErrors.WriteAsync(context.HttpContext, "Forbidden", "This is not allowed for your sign-in.", StatusCodes.Status403Forbidden)
                    : Redirect(context, AgentDeskAuth.SignInPath),
                // An agent removed from the configuration is signed out at the next request.
                OnValidatePrincipal = async context =>
                {
                    var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<AgentDeskOptions>>().Value;
                    if (context.Principal is null || options.Find(AgentDeskAuth.AgentId(context.Principal)) is null)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(AgentDeskAuth.Scheme).ConfigureAwait(false);
                    }
                },
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(AgentDeskAuth.Scheme)
            .Configure<IOptions<AgentDeskOptions>>((cookie, desk) => cookie.ExpireTimeSpan = desk.Value.SessionLifetime);
        services.AddAuthorizationBuilder().AddPolicy(AgentDeskAuth.Policy, policy => policy
            .AddAuthenticationSchemes(AgentDeskAuth.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(System.Security.Claims.ClaimTypes.NameIdentifier));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AgentDeskAuth.AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.HeaderName = AgentDeskAuth.AntiforgeryHeader;
        });
        return builder;
    }

    /// <summary>
    /// Adds authentication, the desk's gate (desk off → 404 with the reason; anonymous → sign-in or 401, for static
    /// files as well as endpoints) and authorization, then maps the sign-in form, the desk page and its API.
    /// Call before the static files (<c>MapWebChat</c>), so the gate sees the desk's own files first.
    /// </summary>
    public static WebApplication MapAgentDesk(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<AgentDeskOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(DeskLog.Category);
        if (options.Enabled)
        {
            DeskLog.On(logger, options.Agents.Count);
        }
        else
        {
            DeskLog.Off(logger);
        }

        var events = app.Services.GetRequiredService<DeskEventStream>();
        app.Lifetime.ApplicationStopping.Register(events.CloseAll);

        app.UseAuthentication();
        app.Use(GateAsync);
        app.UseAuthorization();

        var pages = app.Services.GetRequiredService<DeskPages>();
        app.MapGet(AgentDeskAuth.BasePath, pages.Desk).RequireAuthorization(AgentDeskAuth.Policy).ExcludeFromDescription();
        SignInEndpoints.Map(app);
        DeskApi.Map(app);
        return app;
    }

    private static async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(AgentDeskAuth.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<AgentDeskOptions>>().Value;
        if (!options.Enabled)
        {
            await WriteDeskOffAsync(context).ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        // The page templates are rendered by their endpoints (with a nonce), never served raw.
        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (Array.Exists(PublicPaths, p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var result = await context.AuthenticateAsync(AgentDeskAuth.Scheme).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Same answers as the cookie scheme's challenge (above), for the desk's static files too.
        if (IsApi(context.Request))
        {
            await DeskErrors.WriteAsync(context, "Unauthorized", "Sign in to the agent desk first.", StatusCodes.Status401Unauthorized).ConfigureAwait(false);
        }
        else if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(AgentDeskAuth.SignInPath);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static Task WriteDeskOffAsync(HttpContext context)
    {
        if (IsApi(context.Request))
        {
            return DeskErrors.WriteAsync(context, "DeskOff", DeskErrors.DeskOffMessage, StatusCodes.Status404NotFound);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(DeskErrors.DeskOffMessage);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(AgentDeskAuth.ApiPath, StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, string path)
    {
        context.Response.Redirect(context.Request.PathBase + path);
        return Task.CompletedTask;
    }

    /// <summary>Names each bad <c>AgentDesk</c> key.</summary>
    private sealed class AgentDeskOptionsValidator : IValidateOptions<AgentDeskOptions>
    {
        public ValidateOptionsResult Validate(string? name, AgentDeskOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
