using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Schema;

/// <summary>A clickable action: a suggested action or a card button.</summary>
public sealed record CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ImageAltText { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An <c>imBack</c> action: clicking it sends <paramref name="title"/> as the user's message.</summary>
    public static CardAction ImBack(string title) => new()
    {
        Type = ActionTypes.ImBack,
        Title = title,
        Value = JsonSerializer.SerializeToElement(title, CoreJsonContext.Default.String),
    };
}

/// <summary>Actions offered for the user's next message; they disappear once the user answers.</summary>
public sealed record SuggestedActions
{
    /// <summary>Ids of the recipients the actions are shown to; all when absent.</summary>
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
