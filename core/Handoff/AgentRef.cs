namespace SupportBot.Core.Handoff;

/// <summary>A human agent as a hub knows them.</summary>
/// <param name="Id">The agent's id in the hub (desk user name, Teams AAD object id).</param>
/// <param name="Name">The display name the customer sees on the agent's messages.</param>
/// <param name="Hub">The hub they work in: <see cref="AgentHubs.Desk"/> or <see cref="AgentHubs.Teams"/>.</param>
public sealed record AgentRef(string Id, string Name, string Hub);

/// <summary>Names of the agent hubs.</summary>
public static class AgentHubs
{
    public const string Desk = "desk";
    public const string Teams = "teams";
}
