using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SupportBot.Core.Diagnostics;

namespace SupportBot.Core.Tests.Handoff;

public sealed class HandoffMetricsTests
{
    [Fact]
    public async Task Handoff_StartedAcceptedClosed_CountedOnTheSupportBotMeter()
    {
        var seen = new ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TurnMetrics.MeterName && instrument.Name.StartsWith("handoff", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => seen.Enqueue((instrument.Name, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => seen.Enqueue((instrument.Name, Tags(tags))));
        listener.Start();
        using var harness = new HandoffHarness { Channel = "metrics-test" };

        var handoffCase = await harness.HandOverAsync();
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);
        await harness.Service.ResolveAsync(handoffCase.Id, HandoffHarness.Ana);

        Assert.Contains(seen, m => m.Instrument == "handoffs" && (string?)m.Tags["channel"] == "metrics-test" && (string?)m.Tags["reason"] == "explicit-request");
        Assert.Contains(seen, m => m.Instrument == "handoff.outcomes" && (string?)m.Tags["status"] == "accepted" && (string?)m.Tags["hub"] == "desk");
        Assert.Contains(seen, m => m.Instrument == "handoff.outcomes" && (string?)m.Tags["status"] == "closed");
        Assert.Contains(seen, m => m.Instrument == "handoff.wait" && (string?)m.Tags["status"] == "accepted");
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        return copy;
    }
}
