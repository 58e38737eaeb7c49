using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Delivery;
using SupportBot.Core.Handoff;
using SupportBot.Core.Handoff.Sqlite;
using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Dialogs.Heap;

namespace SupportBot.Dialogs.Tests.Heap.Infrastructure;

/// <summary>
/// Gives a <see cref="HeapFlow"/> the real handoff: a SQLite store, the routing middleware on its adapter, a
/// recording agent hub and the HEAP conversation as the bot that takes over when a handoff ends.
/// </summary>
internal sealed class HandoffSetup : IDisposable
{
    public HandoffSetup(HeapFlow flow, HandoffOptions? options = null)
    {
        Flow = flow;
        Options = options ?? new HandoffOptions();
        var conversationState = new ConversationState(flow.Storage);
        var queue = new ConversationQueue();
        Notifier = new HandoffNotifier(Store, [Hub], queue, flow.Time, Options, NullLogger<HandoffNotifier>.Instance);
        flow.Adapter.Use(new HandoffRouter(Store, Notifier, conversationState, flow.Time, Options, NullLogger<HandoffRouter>.Instance));
        Service = new HandoffService(flow.Adapter, Store, Notifier, conversationState, flow.Storage, () => new HeapConversation(flow.Services()), flow.Time, Options, NullLogger<HandoffService>.Instance);
        flow.Handoff = Service;
    }

    public static AgentRef Ana { get; } = new("ana", "Ana", AgentHubs.Desk);

    public HeapFlow Flow { get; }

    public HandoffOptions Options { get; }

    public SqliteHandoffStore Store { get; } = SqliteHandoffStore.OpenInMemory();

    public RecordingHub Hub { get; } = new();

    public HandoffNotifier Notifier { get; }

    public HandoffService Service { get; }

    /// <summary>The case of the flow's conversation.</summary>
    public async Task<HandoffCase> CaseAsync() =>
        await Service.FindByConversationAsync(HeapFlow.ChannelId, Flow.ConversationId) ?? throw new InvalidOperationException("No handoff case.");

    /// <summary>What the customer was pushed (proactive turns) since the last call, joined.</summary>
    public string Pushed()
    {
        var pushed = Flow.Sender.Delivered.Where(a => a.Type == ActivityTypes.Message).ToList();
        Flow.Sender.Delivered.Clear();
        return string.Join("\n", pushed.Select(a => a.Text));
    }

    public void Dispose() => Store.Dispose();

    /// <summary>Records what the agent side hears.</summary>
    internal sealed class RecordingHub : IAgentHub
    {
        public string Name => AgentHubs.Desk;

        public ConcurrentQueue<(string Kind, HandoffCase Case, Activity? Activity)> Heard { get; } = new();

        public Task OnInitiatedAsync(HandoffCase handoffCase, Activity handoffInitiateEvent, CancellationToken cancellationToken = default) => Record("initiated", handoffCase, handoffInitiateEvent);

        public Task OnCustomerMessageAsync(HandoffCase handoffCase, Activity customerMessage, CancellationToken cancellationToken = default) => Record("customer", handoffCase, customerMessage);

        public Task OnStatusAsync(HandoffCase handoffCase, Activity handoffStatusEvent, CancellationToken cancellationToken = default) => Record("status", handoffCase, handoffStatusEvent);

        public Task OnAgentMessageAsync(HandoffCase handoffCase, AgentRef agent, string text, CancellationToken cancellationToken = default) => Record("agent", handoffCase, null);

        private Task Record(string kind, HandoffCase handoffCase, Activity? activity)
        {
            Heard.Enqueue((kind, handoffCase, activity));
            return Task.CompletedTask;
        }
    }
}
