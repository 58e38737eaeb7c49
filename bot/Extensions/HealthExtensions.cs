using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Bot.Health;

namespace SupportBot.Bot.Extensions;

/// <summary>Liveness and readiness at <c>/health</c>.</summary>
public static class HealthExtensions
{
    /// <summary>Registers the checks: the process answers (liveness) and the store answers (readiness).</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The host answers."), tags: ["live"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>Maps <c>GET /health</c>: 200 with a JSON body when healthy, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }
}
