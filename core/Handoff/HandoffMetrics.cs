using System.Diagnostics.Metrics;
using SupportBot.Core.Diagnostics;

namespace SupportBot.Core.Handoff;

/// <summary>
/// Handoff instruments on the host's "SupportBot" meter (exported at /metrics): <c>handoffs</c> started by
/// reason and channel, <c>handoff.outcomes</c> (accepted, closed, returnedToBot, failed) by hub, the
/// <c>handoff.wait</c> from start to accept or failure, and <c>handoff.hub.failures</c> by hub.
/// </summary>
internal static class HandoffMetrics
{
    private static readonly Meter Meter = new(TurnMetrics.MeterName);

    private static readonly Counter<long> Started = Meter.CreateCounter<long>("handoffs", description: "Handoffs to a person started");

    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("handoff.outcomes", description: "Handoff state changes: accepted, closed, returnedToBot, failed");

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>("handoff.wait", unit: "s", description: "Time from a handoff's start until an agent accepted it or it failed");

    private static readonly Counter<long> HubFailures = Meter.CreateCounter<long>("handoff.hub.failures", description: "Agent hub notifications that failed and will be retried");

    public static void HandoffStarted(string reason, string channelId) =>
        Started.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("channel", channelId));

    public static void StatusChanged(HandoffStatus status, string hub) =>
        Outcomes.Add(1, new KeyValuePair<string, object?>("status", status == HandoffStatus.WithAgent ? "accepted" : HandoffJson.Name(status)), new KeyValuePair<string, object?>("hub", hub));

    public static void Waited(TimeSpan wait, HandoffStatus status) =>
        Wait.Record(Math.Max(0, wait.TotalSeconds), new KeyValuePair<string, object?>("status", status == HandoffStatus.WithAgent ? "accepted" : HandoffJson.Name(status)));

    public static void HubFailed(string hub) => HubFailures.Add(1, new KeyValuePair<string, object?>("hub", hub));
}
