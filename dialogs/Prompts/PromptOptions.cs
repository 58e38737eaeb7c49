using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SupportBot.Core.Schema;
using SupportBot.Core.State;

namespace SupportBot.Dialogs.Prompts;

/// <summary>What a prompt asks and accepts. Saved with the prompt, so a retry or reprompt on a later turn can use it.</summary>
public sealed class PromptOptions
{
    // Options read back from state load each part on first use: answering a yes/no question should not
    // pay for deserialising the question's activity (turns/s matters, see DESIGN.md).
    private readonly JsonObject? _saved;
    private Activity? _prompt;
    private Activity? _retryPrompt;
    private IList<Choice>? _choices;
    private object? _validations;
    private Parts _read;

    /// <summary>Creates empty options.</summary>
    public PromptOptions()
    {
    }

    /// <summary>Options over their saved JSON, read lazily.</summary>
    internal PromptOptions(JsonObject saved) => _saved = saved;

    [Flags]
    private enum Parts
    {
        Prompt = 1,
        RetryPrompt = 2,
        Choices = 4,
        Validations = 8,
    }

    /// <summary>The question.</summary>
    [JsonPropertyName("prompt")]
    public Activity? Prompt
    {
        get => Read(ref _prompt, Parts.Prompt, "prompt");
        set => Write(ref _prompt, value, Parts.Prompt);
    }

    /// <summary>Sent instead of <see cref="Prompt"/> when an answer is not accepted; <see cref="Prompt"/> is repeated when absent.</summary>
    [JsonPropertyName("retryPrompt")]
    public Activity? RetryPrompt
    {
        get => Read(ref _retryPrompt, Parts.RetryPrompt, "retryPrompt");
        set => Write(ref _retryPrompt, value, Parts.RetryPrompt);
    }

    /// <summary>The options of a <see cref="ChoicePrompt"/>.</summary>
    [JsonPropertyName("choices")]
    public IList<Choice>? Choices
    {
        get => Read(ref _choices, Parts.Choices, "choices");
        set => Write(ref _choices, value, Parts.Choices);
    }

    /// <summary>Extra data for a validator; after a reload from state it is a <see cref="JsonElement"/>.</summary>
    [JsonPropertyName("validations")]
    public object? Validations
    {
        get => Read(ref _validations, Parts.Validations, "validations");
        set => Write(ref _validations, value, Parts.Validations);
    }

    /// <summary>Options with plain-text prompts.</summary>
    public static PromptOptions FromText(string prompt, string? retryPrompt = null, IList<Choice>? choices = null) => new()
    {
        Prompt = ActivityExtensions.CreateMessage(prompt),
        RetryPrompt = retryPrompt is null ? null : ActivityExtensions.CreateMessage(retryPrompt),
        Choices = choices,
    };

    private T? Read<T>(ref T? field, Parts part, string name)
    {
        if (_saved is not null && (_read & part) == 0)
        {
            field = _saved[name] is { } node ? node.Deserialize<T>(StateJson.Options) : default;
            _read |= part;
        }

        return field;
    }

    private void Write<T>(ref T? field, T? value, Parts part)
    {
        field = value;
        _read |= part;
    }
}
