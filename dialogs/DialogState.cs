using System.Text.Json.Serialization;

namespace SupportBot.Dialogs;

/// <summary>
/// A dialog stack as kept in conversation state. The active dialog is at index 0, the root at the end.
/// </summary>
public sealed class DialogState
{
    /// <summary>Creates an empty stack.</summary>
    public DialogState()
    {
    }

    /// <summary>Creates a state over an existing stack.</summary>
    public DialogState(List<DialogInstance> stack) => DialogStack = stack;

    /// <summary>The stack, active dialog first.</summary>
    [JsonPropertyName("stack")]
    public List<DialogInstance> DialogStack { get; set; } = [];
}
