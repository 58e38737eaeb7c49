using System.Text.Json;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// The agent desk as an <see cref="IAgentHub"/>: every notification becomes a Server-Sent Event for the open desks.
/// The desk keeps no state of its own — cases live in the handoff store and the conversation in the transcript
/// store, both durable — so an event no desk was connected for is not lost: a desk reads the state when it connects.
/// A notification delivered twice (the notifier retries) shows nothing twice: desks key messages by activity id
/// and reload cases.
/// </summary>
internal sealed class DeskAgentHub(DeskEventStream events) : IAgentHub
{
    public const string QueueEvent = "queue";
    public const string CaseEvent = "case";
    public const string MessageEvent = "message";

    public string Name => AgentHubs.Desk;

    public Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default)
    {
        PublishQueue(handoffCase);
        return Task.CompletedTask;
    }

    public Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default)
    {
        if (DeskViews.Message(customerMessage, handoffCase) is { } message)
        {
            events.Publish(new DeskEvent(MessageEvent, JsonSerializer.Serialize(new DeskMessageEvent(handoffCase.Id, message), DeskJsonContext.Default.DeskMessageEvent)));
        }

        return Task.CompletedTask;
    }

    public Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default)
    {
        PublishQueue(handoffCase);
        return Task.CompletedTask;
    }

    /// <summary>An agent's words (from this desk or another hub): desks showing the case reload its transcript.</summary>
    public Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default)
    {
        events.Publish(new DeskEvent(CaseEvent, JsonSerializer.Serialize(new DeskCaseEvent(handoffCase.Id), DeskJsonContext.Default.DeskCaseEvent)));
        return Task.CompletedTask;
    }

    private void PublishQueue(HandoffCase handoffCase) =>
        events.Publish(new DeskEvent(QueueEvent, JsonSerializer.Serialize(new DeskCaseEvent(handoffCase.Id), DeskJsonContext.Default.DeskCaseEvent)));
}
