using System.Text.Json.Nodes;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> sees.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, JsonObject state, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    /// <summary>The current turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>What the prompt made of the answer.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's saved state.</summary>
    public JsonObject State { get; }

    /// <summary>The prompt's options.</summary>
    public PromptOptions Options { get; }

    /// <summary>How many answers the prompt has had, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }
}
