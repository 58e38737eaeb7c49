using System.Text.Json.Serialization;

namespace SupportBot.Dialogs.Prompts;

/// <summary>One option of a <see cref="ChoicePrompt"/>.</summary>
/// <param name="Value">What the user sees on the button and gets back as <see cref="FoundChoice.Value"/>.</param>
public sealed record Choice([property: JsonPropertyName("value")] string Value)
{
    /// <summary>Other words that pick this choice ("money back" for "Refund").</summary>
    [JsonPropertyName("synonyms")]
    public IReadOnlyList<string>? Synonyms { get; init; }
}
