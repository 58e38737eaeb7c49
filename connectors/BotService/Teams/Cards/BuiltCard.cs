using System.Text.Json.Nodes;

namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>A rendered case card.</summary>
/// <param name="Card">The Adaptive Card JSON.</param>
/// <param name="OmittedLines">
/// The oldest transcript messages that did not fit the card's size budget (0 when the whole transcript is
/// on the card); the hub posts them into the thread instead.
/// </param>
public sealed record BuiltCard(JsonObject Card, int OmittedLines);
