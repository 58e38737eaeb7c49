using SupportBot.Core.Schema;

namespace SupportBot.Core.Handoff;

/// <summary>
/// Where agents work (the agent desk, a Teams channel). Registered as <c>IEnumerable&lt;IAgentHub&gt;</c>;
/// every hub hears about every case. Calls come after the customer's turn is committed and are retried
/// from durable storage, in order per hub and case, while a hub throws — so a hub must tolerate seeing a
/// notification again after a failure it reported. Nothing a hub receives goes to the customer's channel.
/// </summary>
public interface IAgentHub
{
    /// <summary>The hub's name, e.g. <see cref="AgentHubs.Desk"/>: keys its pending notifications.</summary>
    string Name { get; }

    /// <summary>A new case: the Bot Framework <c>handoff.initiate</c> event (context as value, transcript attachment).</summary>
    Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default);

    /// <summary>A customer message while the case is waiting or with an agent.</summary>
    Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default);

    /// <summary>A <c>handoff.status</c> event: <c>accepted</c>, <c>failed</c> or <c>completed</c>.</summary>
    Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default);

    /// <summary>What an agent sent the customer (in any hub), so each hub can mirror the thread.</summary>
    Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default);
}
