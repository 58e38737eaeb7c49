using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>. The choices go out as suggested
/// actions (buttons) and, for channels without buttons (email, X, Mastodon), as a numbered list in the text.
/// Accepts a choice's value or synonym in any case, its number, or a partial match that fits one choice;
/// the answer is a <see cref="FoundChoice"/>.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <inheritdoc />
    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (CreatePromptActivity(options, isRetry) is not { } prompt)
        {
            return Task.CompletedTask;
        }

        if (options.Choices is { Count: > 0 } choices)
        {
            prompt.Text = AppendList(prompt.Text, choices);
            prompt.SuggestedActions ??= ImBackActions.For(choices);
        }

        return turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(options.Choices is { } choices && ChoiceRecognizer.Recognize(turnContext.Activity.Text, choices) is { } found
            ? PromptRecognizerResult<FoundChoice>.Recognized(found)
            : PromptRecognizerResult<FoundChoice>.NotRecognized);

    /// <summary>"Text (1) A, (2) B, or (3) C" — the inline list style for channels that show no buttons.</summary>
    internal static string AppendList(string? text, IList<Choice> choices)
    {
        var builder = new StringBuilder(text?.TrimEnd());
        for (var i = 0; i < choices.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(i == 0 ? " " : i == choices.Count - 1 ? (choices.Count == 2 ? " or " : ", or ") : ", ");
            }

            builder.Append('(').Append(i + 1).Append(") ").Append(choices[i].Value);
        }

        return builder.ToString();
    }
}
