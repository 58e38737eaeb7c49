using System.Text.Json.Nodes;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>Asks for free text; accepts any message with some text in it.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    /// <inheritdoc />
    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        CreatePromptActivity(options, isRetry) is { } prompt ? turnContext.SendActivityAsync(prompt, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? PromptRecognizerResult<string>.NotRecognized
            : PromptRecognizerResult<string>.Recognized(text.Trim()));
    }
}
