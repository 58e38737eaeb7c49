using System.Text.Json.Nodes;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question, offering Yes and No as suggested actions; understands yes, y, yeah, yep, sure,
/// ok, no, n, nope, nah … in any case.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    /// <summary>The title of the yes button.</summary>
    public const string YesTitle = "Yes";

    /// <summary>The title of the no button.</summary>
    public const string NoTitle = "No";

    /// <inheritdoc />
    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (CreatePromptActivity(options, isRetry) is not { } prompt)
        {
            return Task.CompletedTask;
        }

        prompt.SuggestedActions ??= new SuggestedActions { Actions = [ImBackActions.Create(YesTitle), ImBackActions.Create(NoTitle)] };
        return turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ConfirmRecognizer.Recognize(turnContext.Activity.Text) is { } answer
            ? PromptRecognizerResult<bool>.Recognized(answer)
            : PromptRecognizerResult<bool>.NotRecognized);
}
