using System.Collections.Concurrent;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Social.Tests.Infrastructure;

/// <summary>An agent hub that records what reaches it (the desk and Teams hubs implement the same interface).</summary>
internal sealed class RecordingHub : IAgentHub
{
    public string Name => "test";

    public ConcurrentQueue<(HandoffCase Case, Activity Initiate)> Initiated { get; } = new();

    public ConcurrentQueue<Activity> CustomerMessages { get; } = new();

    public Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default)
    {
        Initiated.Enqueue((handoffCase, handoffInitiateEvent));
        return Task.CompletedTask;
    }

    public Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default)
    {
        CustomerMessages.Enqueue(customerMessage);
        return Task.CompletedTask;
    }

    public Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
