using System.Text.Json.Serialization;
using SupportBot.Core.Schema;

namespace SupportBot.Dialogs.Prompts;

/// <summary>What a prompt asks and accepts. Saved with the prompt, so a retry or reprompt on a later turn can use it.</summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    [JsonPropertyName("prompt")]
    public Activity? Prompt { get; set; }

    /// <summary>Sent instead of <see cref="Prompt"/> when an answer is not accepted; <see cref="Prompt"/> is repeated when absent.</summary>
    [JsonPropertyName("retryPrompt")]
    public Activity? RetryPrompt { get; set; }

    /// <summary>The options of a <see cref="ChoicePrompt"/>.</summary>
    [JsonPropertyName("choices")]
    public IList<Choice>? Choices { get; set; }

    /// <summary>Extra data for a validator; after a reload from state it is a <see cref="System.Text.Json.JsonElement"/>.</summary>
    [JsonPropertyName("validations")]
    public object? Validations { get; set; }

    /// <summary>Options with plain-text prompts.</summary>
    public static PromptOptions FromText(string prompt, string? retryPrompt = null, IList<Choice>? choices = null) => new()
    {
        Prompt = ActivityExtensions.CreateMessage(prompt),
        RetryPrompt = retryPrompt is null ? null : ActivityExtensions.CreateMessage(retryPrompt),
        Choices = choices,
    };
}
