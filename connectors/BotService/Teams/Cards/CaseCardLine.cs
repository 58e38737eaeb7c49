namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>One message of the conversation as the card lists it.</summary>
/// <param name="Speaker">Who said it (customer's name, the bot, an agent).</param>
/// <param name="Text">What was said, as the customer or bot wrote it (untrusted: never rendered as markdown).</param>
/// <param name="At">When, if known.</param>
/// <param name="FromCustomer">True for the customer's own messages.</param>
public sealed record CaseCardLine(string Speaker, string Text, DateTimeOffset? At, bool FromCustomer);
