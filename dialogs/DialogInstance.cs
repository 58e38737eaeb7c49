using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SupportBot.Dialogs;

/// <summary>One entry of a dialog stack: which dialog runs and the state it keeps between turns.</summary>
/// <remarks>Saved as JSON with the conversation state, so everything in it must round-trip through JSON.</remarks>
public sealed class DialogInstance
{
    /// <summary>Creates an empty instance (for the JSON serializer).</summary>
    public DialogInstance()
    {
    }

    /// <summary>Creates an instance of the dialog with the given id.</summary>
    public DialogInstance(string id) => Id = id;

    /// <summary>The id of the dialog this instance belongs to.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's own free-form state; null until the dialog stores something.</summary>
    [JsonPropertyName("state")]
    public JsonObject? State { get; set; }

    /// <summary>The inner stack of a container dialog (<see cref="ComponentDialog"/>); null for other dialogs.</summary>
    [JsonPropertyName("children")]
    public DialogState? Children { get; set; }
}
