using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SupportBot.Core.Diagnostics;

/// <summary>
/// Turn counters and latency as System.Diagnostics.Metrics instruments; the host exports them (Prometheus
/// at /metrics). Every instrument is tagged with the channel.
/// </summary>
public static class TurnMetrics
{
    public const string MeterName = "SupportBot";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("turns", description: "Turns processed");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("turn.errors", description: "Turns whose bot logic threw");

    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("turn.duplicates", description: "Inbound activities dropped as duplicates");

    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("turn.conflicts", description: "Turns re-run after an ETag conflict");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("turn.duration", unit: "s", description: "Turn latency from arrival to commit");

    public static void TurnCompleted(string channelId, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("channel", channelId);
        Turns.Add(1, tag);
        Duration.Record(elapsed.TotalSeconds, tag);
    }

    public static void TurnFailed(string channelId) => Errors.Add(1, new KeyValuePair<string, object?>("channel", channelId));

    public static void DuplicateDropped(string channelId) => Duplicates.Add(1, new KeyValuePair<string, object?>("channel", channelId));

    public static void ConflictRetried(string channelId) => Conflicts.Add(1, new KeyValuePair<string, object?>("channel", channelId));

    public static long Timestamp() => Stopwatch.GetTimestamp();
}
