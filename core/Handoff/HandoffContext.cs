using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment.Mood;

namespace SupportBot.Core.Handoff;

/// <summary>
/// Everything an agent needs so the customer never has to repeat themselves: who they are, where they
/// are, what the bot heard and tried, how their mood went, a short summary and the transcript. It is the
/// <c>value</c> of the <c>handoff.initiate</c> event (PROTOCOLS.md §4), for the agent side only.
/// </summary>
public sealed record HandoffContext
{
    /// <summary>Who the customer is.</summary>
    public required HandoffCustomer Customer { get; init; }

    /// <summary>The customer's channel id (<c>directline</c>, <c>email</c>, <c>x</c>, <c>mastodon</c> …).</summary>
    public required string Channel { get; init; }

    /// <summary>The HEAP stage reached (hear, empathize, lead, provide …).</summary>
    public string? Stage { get; init; }

    /// <summary>The facts heard (order number, product, issue type, what they want …), by name.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>What the customer said about the case, in their words.</summary>
    public IReadOnlyList<string> Said { get; init; } = [];

    /// <summary>What was offered or tried (articles, actions), in order.</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>The mood trajectory with its reasons.</summary>
    public required HandoffMood Mood { get; init; }

    /// <summary>A short summary, built deterministically from the above.</summary>
    public required string Summary { get; init; }

    /// <summary>The conversation so far (also sent as the <c>Transcript</c> attachment).</summary>
    public IReadOnlyList<Activity> Transcript { get; init; } = [];
}

/// <summary>The customer as the agent sees them.</summary>
/// <param name="Name">Their name, when known.</param>
/// <param name="CustomerId">Their id in the customer records, when the channel identity is linked.</param>
/// <param name="Identities">Their accounts per channel (the current one first).</param>
/// <param name="OpenTickets">Their open tickets.</param>
/// <param name="PastTickets">Their resolved tickets, newest first.</param>
public sealed record HandoffCustomer(
    string? Name,
    string? CustomerId,
    IReadOnlyList<CustomerIdentity> Identities,
    IReadOnlyList<HandoffTicket> OpenTickets,
    IReadOnlyList<HandoffTicket> PastTickets);

/// <summary>An account on a channel.</summary>
public sealed record CustomerIdentity(string Channel, string Id);

/// <summary>A ticket as the agent sees it.</summary>
public sealed record HandoffTicket(string Reference, string Summary, string Status, DateTimeOffset CreatedAt);

/// <summary>How the customer's mood went: the latest mean, its trend and every scored message with its reasons.</summary>
/// <param name="Average">The exponentially weighted mean, −1 … 1.</param>
/// <param name="Trend"><c>worsening</c>, <c>improving</c>, <c>steady</c> or <c>unknown</c>.</param>
/// <param name="Points">The scored messages, oldest first.</param>
public sealed record HandoffMood(double Average, string Trend, IReadOnlyList<MoodPoint> Points);
