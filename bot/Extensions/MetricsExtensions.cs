using Prometheus;

namespace SupportBot.Bot.Extensions;

/// <summary>
/// Prometheus metrics at <c>/metrics</c> through prometheus-net. Its meter adapter exports the SupportBot
/// meters and the runtime's (System.Runtime), among them the turn counters and latency of Meter "SupportBot"
/// (core/Diagnostics/TurnMetrics.cs) as <c>supportbot_turns</c>,
/// <c>supportbot_turn_duration</c>, <c>supportbot_turn_errors</c> …, each labelled
/// with the channel.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>Counts HTTP requests by endpoint and status code, and starts exporting meters now.</summary>
    public static IApplicationBuilder UseBotMetrics(this IApplicationBuilder app)
    {
        // Export SupportBot's own meters and the runtime's, not every library's: the HTTP client, Kestrel and
        // hosting meters (and the event sources behind the default event counters) record something for every
        // request, which the hot path (/api/messages, Direct Line) pays for; the HTTP request metrics below
        // already count requests. Runtime counters come from the System.Runtime meter.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = instrument =>
            instrument.Meter.Name.StartsWith("SupportBot", StringComparison.Ordinal) || instrument.Meter.Name == "System.Runtime");
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });

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
