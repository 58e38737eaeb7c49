using System.Collections.Concurrent;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>An agent hub that records what it hears, in order; can be told to fail.</summary>
internal sealed class RecordingHub(string name = AgentHubs.Desk) : IAgentHub
{
    private readonly SemaphoreSlim _signal = new(0);

    public string Name { get; } = name;

    public ConcurrentQueue<(string Kind, HandoffCase Case, Activity? Activity, string? Text)> Heard { get; } = new();

    public int FailuresLeft { get; set; }

    public int Calls;

    public Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default) =>
        RecordAsync("initiated", handoffCase, handoffInitiateEvent, null);

    public Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default) =>
        RecordAsync("customer", handoffCase, customerMessage, customerMessage.Text);

    public Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default) =>
        RecordAsync("status", handoffCase, handoffStatusEvent, handoffStatusEvent.Value?.GetProperty("state").GetString());

    public Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default) =>
        RecordAsync("agent", handoffCase, null, text);

    /// <summary>Waits until the hub heard <paramref name="count"/> things in all (generous timeout).</summary>
    public async Task<List<(string Kind, HandoffCase Case, Activity? Activity, string? Text)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Heard.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Hub '{Name}' heard {Heard.Count} of {count}: {string.Join(", ", Heard.Select(h => h.Kind))}");
            }

            await _signal.WaitAsync(left > TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : left);
        }

        return Heard.ToList();
    }

    private Task RecordAsync(string kind, HandoffCase handoffCase, Activity? activity, string? text)
    {
        Interlocked.Increment(ref Calls);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("hub down");
        }

        Heard.Enqueue((kind, handoffCase, activity, text));
        _signal.Release();
        return Task.CompletedTask;
    }
}
