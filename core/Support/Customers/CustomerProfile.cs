using SupportBot.Core.Support.Tickets;

namespace SupportBot.Core.Support.Customers;

/// <summary>What the bot may remember about a verified customer.</summary>
/// <param name="CustomerId">Id, e.g. <c>C-1001</c>.</param>
/// <param name="Name">How they like to be addressed, e.g. <c>Sam</c> is the first word of <c>Sam Rivera</c>.</param>
/// <param name="Email">The email address on file (where one-time codes go), if any.</param>
/// <param name="Identities">The channel accounts linked to the customer.</param>
/// <param name="OpenTickets">Their open tickets, oldest first.</param>
/// <param name="LastOutcome">The outcome of their latest conversation, if any.</param>
/// <param name="LastOutcomeAt">When it was recorded.</param>
public sealed record CustomerProfile(
    string CustomerId,
    string Name,
    string? Email,
    IReadOnlyList<ChannelIdentity> Identities,
    IReadOnlyList<Ticket> OpenTickets,
    string? LastOutcome,
    DateTimeOffset? LastOutcomeAt)
{
    /// <summary>The first word of <see cref="Name"/>, for greetings ("Welcome back, Sam").</summary>
    public string FirstName => Name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : Name;
}
