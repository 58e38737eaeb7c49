namespace SupportBot.Dialogs.Heap.State;

/// <summary>
/// What we remember about a customer across conversations, kept in user state (property
/// <see cref="Property"/>). User state is keyed by the channel and the channel's own user id, so it is only
/// ever read for the identity the channel vouches for — never for an email or order number someone types.
/// </summary>
public sealed class CustomerProfile
{
    /// <summary>The user-state property name.</summary>
    public const string Property = "customer";

    /// <summary>The customer's first name, when the channel or the customer records gave one.</summary>
    public string? Name { get; set; }

    /// <summary>The customer id in the customer records, when the channel identity is linked to one.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Tickets opened for this customer and not yet resolved.</summary>
    public List<OpenTicket> OpenTickets { get; set; } = [];

    /// <summary>The outcome of the customer's last conversation.</summary>
    public string? LastOutcome { get; set; }
}

/// <summary>An open ticket, as remembered for the "is this about ticket T-1042?" greeting.</summary>
/// <param name="Id">The ticket reference.</param>
/// <param name="Summary">What it is about, in a few words.</param>
public sealed record OpenTicket(string Id, string Summary);
