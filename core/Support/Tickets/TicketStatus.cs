namespace SupportBot.Core.Support.Tickets;

/// <summary>Whether a ticket still needs work.</summary>
public enum TicketStatus
{
    /// <summary>Waiting for us.</summary>
    Open,

    /// <summary>Done; see <see cref="Ticket.Resolution"/>.</summary>
    Resolved,
}
