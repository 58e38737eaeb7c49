using System.Text.Json.Nodes;
using SupportBot.Connectors.BotService.Teams.Cards;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// The body of the HTTP 200 that answers an <c>adaptiveCard/action</c> invoke (PROTOCOLS.md §3):
/// <c>{statusCode, type, value}</c> — a card replaces the clicked one, a message is shown to the clicker,
/// an error explains what went wrong.
/// </summary>
public static class CardActionResponse
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the clicked card with <paramref name="card"/>.</summary>
    public static JsonObject Card(JsonObject card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = CaseCardBuilder.ContentType,
        ["value"] = card,
    };

    /// <summary>Shows <paramref name="text"/> to the person who clicked.</summary>
    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = text,
    };

    /// <summary>An error (400 for a bad request, 404 for an unknown case, 500 for our failure).</summary>
    public static JsonObject Error(int statusCode, string code, string message) => new()
    {
        ["statusCode"] = statusCode,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
