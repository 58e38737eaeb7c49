using SupportBot.Core.Schema;

namespace SupportBot.Dialogs.Heap.FollowUp;

/// <summary>A promise to tell the customer when their ticket is resolved: where to reach them and what it was about.</summary>
/// <param name="TicketId">The ticket reference.</param>
/// <param name="Summary">What the ticket is about, in a few words.</param>
/// <param name="Reference">The conversation to continue.</param>
/// <param name="CreatedAt">When the promise was made.</param>
public sealed record TicketFollowUp(string TicketId, string Summary, ConversationReference Reference, DateTimeOffset CreatedAt);
