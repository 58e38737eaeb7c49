using Prometheus;

namespace SupportBot.Bot.Extensions;

/// <summary>
/// Prometheus metrics at <c>/metrics</c> through prometheus-net. Its default meter adapter exports every
/// System.Diagnostics.Metrics instrument, among them the turn counters and latency of Meter "SupportBot"
/// (core/Diagnostics/TurnMetrics.cs) as <c>supportbot_turns</c>,
/// <c>supportbot_turn_duration</c>, <c>supportbot_turn_errors</c> …, each labelled
/// with the channel.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>Counts HTTP requests by endpoint and status code, and starts exporting meters now.</summary>
    public static IApplicationBuilder UseBotMetrics(this IApplicationBuilder app)
    {
        // prometheus-net starts its default meter and event-counter adapters on the registry's first
        // collection (so SuppressDefaultMetrics can still run before it); until then every measurement is
        // dropped. Collect once at start so the first turns count.
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        app.UseHttpMetrics();
        return app;
    }

    /// <summary>Maps <c>GET /metrics</c> in the Prometheus text format.</summary>
    public static IEndpointRouteBuilder MapBotMetrics(this IEndpointRouteBuilder app)
    {
        app.MapMetrics();
        return app;
    }
}
