namespace SupportBot.Core.Handoff;

/// <summary>Where a customer conversation's handoff stands.</summary>
public enum HandoffStatus
{
    /// <summary>Waiting for an agent to accept; customer messages go to the hubs.</summary>
    Waiting = 0,

    /// <summary>An agent accepted and talks to the customer; customer messages go to the hubs.</summary>
    WithAgent = 1,

    /// <summary>The agent resolved the case; the bot asked the customer for a rating.</summary>
    Closed = 2,

    /// <summary>The agent handed the conversation back; the bot answers again.</summary>
    ReturnedToBot = 3,

    /// <summary>Nobody accepted within <c>Handoff:AcceptTimeout</c>; the bot offered a callback or a ticket.</summary>
    Failed = 4,
}

/// <summary>Helpers on <see cref="HandoffStatus"/>.</summary>
public static class HandoffStatusExtensions
{
    /// <summary>Waiting or with an agent: the customer's messages belong to the agent side.</summary>
    public static bool IsActive(this HandoffStatus status) => status is HandoffStatus.Waiting or HandoffStatus.WithAgent;
}
