using System.Text.Json.Nodes;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// A dialog that asks one question and ends with the answer. Subclasses say how to ask
/// (<see cref="OnPromptAsync"/>) and how to understand the answer (<see cref="OnRecognizeAsync"/>); an
/// optional <see cref="PromptValidator{T}"/> adds the caller's rules. Begin it with
/// <see cref="DialogContext.PromptAsync"/> and a <see cref="PromptOptions"/>.
/// </summary>
/// <typeparam name="T">The type of the answer.</typeparam>
public abstract class Prompt<T> : Dialog
{
    private readonly PromptValidator<T>? _validator;

    /// <summary>Creates a prompt with an optional validator.</summary>
    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId) => _validator = validator;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="options"/> is not a <see cref="PromptOptions"/>.</exception>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"The prompt '{Id}' must be begun with {nameof(PromptOptions)}.", nameof(options));
        }

        var state = PromptState.Create(promptOptions);
        dc.ActiveDialog!.State = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var turnContext = dc.Context;
        if (!turnContext.Activity.IsMessage())
        {
            return EndOfTurn;
        }

        var (state, options) = PromptState.Read(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(turnContext, state, options, cancellationToken).ConfigureAwait(false);
        var attempts = PromptState.Attempts(state) + 1;
        var respondedBefore = turnContext.Responded;
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(turnContext, recognized, state, options, attempts), cancellationToken).ConfigureAwait(false);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        PromptState.SetAttempts(state, attempts);

        // A validator that replied itself (explaining what is wrong) replaces the retry prompt.
        if (respondedBefore || !turnContext.Responded)
        {
            await OnPromptAsync(turnContext, state, options, true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <inheritdoc />
    /// <remarks>A dialog this prompt started ended: ask again.</remarks>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var (state, options) = PromptState.Read(instance);
        return OnPromptAsync(turnContext, state, options, false, cancellationToken);
    }

    /// <summary>Sends the question (<paramref name="isRetry"/>: after an answer that was not accepted).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Understands the user's answer.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// A copy of the activity to send: the retry prompt on a retry when there is one, else the prompt; null
    /// when there is none. A copy, because sending addresses and stamps the activity it is given.
    /// </summary>
    protected static Activity? CreatePromptActivity(PromptOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (source is null)
        {
            return null;
        }

        var activity = source with { };
        activity.Type ??= ActivityTypes.Message;
        activity.InputHint ??= InputHints.ExpectingInput;
        return activity;
    }
}
