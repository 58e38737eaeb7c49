using System.Collections.Concurrent;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Handoff;

/// <summary>An agent hub registered in the host that records what it hears.</summary>
internal sealed class TestHub(string name = AgentHubs.Desk) : IAgentHub
{
    public string Name { get; } = name;

    public ConcurrentQueue<(string Kind, HandoffCase Case, Activity? Activity, string? Text)> Heard { get; } = new();

    public Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default) =>
        Record("initiated", handoffCase, handoffInitiateEvent, null);

    public Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default) =>
        Record("customer", handoffCase, customerMessage, customerMessage.Text);

    public Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default) =>
        Record("status", handoffCase, handoffStatusEvent, handoffStatusEvent.Value?.GetProperty("state").GetString());

    public Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default) =>
        Record("agent", handoffCase, null, text);

    /// <summary>Waits (generously) for the first thing of <paramref name="kind"/> matching <paramref name="match"/>.</summary>
    public async Task<(string Kind, HandoffCase Case, Activity? Activity, string? Text)> WaitForAsync(string kind, Func<string?, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var heard in Heard)
            {
                if (heard.Kind == kind && (match is null || match(heard.Text)))
                {
                    return heard;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Hub '{Name}' never heard '{kind}'; heard: {string.Join(", ", Heard.Select(h => $"{h.Kind}:{h.Text}"))}");
    }

    private Task Record(string kind, HandoffCase handoffCase, Activity? activity, string? text)
    {
        Heard.Enqueue((kind, handoffCase, activity, text));
        return Task.CompletedTask;
    }
}
