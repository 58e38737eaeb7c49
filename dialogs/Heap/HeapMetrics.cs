using System.Diagnostics.Metrics;

namespace SupportBot.Dialogs.Heap;

/// <summary>
/// Outcome counters for first-contact-resolution reporting, on the host's "SupportBot" meter (exported at
/// /metrics): <c>conversation.outcomes</c> by outcome and channel, and the <c>csat</c> scores. A turn re-run
/// after an ETag conflict may count twice; the stored outcome per conversation is the exact record.
/// </summary>
internal static class HeapMetrics
{
    private static readonly Meter Meter = new(Core.Diagnostics.TurnMetrics.MeterName);

    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("conversation.outcomes", description: "Conversation outcomes recorded (resolved-first-contact, escalated, …)");

    private static readonly Histogram<int> Csat = Meter.CreateHistogram<int>("csat", description: "Customer satisfaction scores, 1–5");

    public static void OutcomeRecorded(string outcome, string? channelId) =>
        Outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("channel", channelId ?? "unknown"));

    public static void CsatRecorded(int score, string? channelId) =>
        Csat.Record(score, new KeyValuePair<string, object?>("channel", channelId ?? "unknown"));
}
