namespace SupportBot.Dialogs.Prompts;

/// <summary>What a prompt made of the user's answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    /// <summary>An answer that was not understood.</summary>
    public static PromptRecognizerResult<T> NotRecognized { get; } = new();

    /// <summary>True when the answer was understood.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The understood value; default when <see cref="Succeeded"/> is false.</summary>
    public T? Value { get; init; }

    /// <summary>An answer understood as <paramref name="value"/>.</summary>
    public static PromptRecognizerResult<T> Recognized(T value) => new() { Succeeded = true, Value = value };
}
