using SupportBot.Core.Turns;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs;

/// <summary>
/// Runs one dialog stack for the current turn: starts, continues, ends and cancels the dialogs on it.
/// </summary>
public class DialogContext
{
    private readonly DialogState _state;

    /// <summary>Creates a context over a stack.</summary>
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        _state = state;
        Parent = parent;
    }

    /// <summary>Creates a context that shares <paramref name="other"/>'s set, turn, stack and parent.</summary>
    private protected DialogContext(DialogContext other)
        : this(other.Dialogs, other.Context, other._state, other.Parent)
    {
    }

    /// <summary>The dialogs this stack can start; the parent's are searched after them.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The current turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The stack, active dialog first.</summary>
    public List<DialogInstance> Stack => _state.DialogStack;

    /// <summary>The active dialog's instance, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => _state.DialogStack.Count > 0 ? _state.DialogStack[0] : null;

    /// <summary>The context of the container dialog this stack belongs to, or null for the root stack.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The dialog with the id in this set or, failing that, in the parents' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes the dialog onto the stack and starts it.</summary>
    /// <exception cref="ArgumentException">No dialog with that id can be found.</exception>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new ArgumentException($"No dialog with the id '{dialogId}' was added to the dialog set.", nameof(dialogId));
        Stack.Insert(0, new DialogInstance(dialogId));
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt with its options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    /// <exception cref="StaleDialogStateException">The active dialog's id is not registered any more.</exception>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty));
        }

        return ResolveOrThrow(active).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>
    /// Ends the active dialog and resumes its parent with <paramref name="result"/>; when the stack is then
    /// empty the answer is <see cref="DialogTurnStatus.Complete"/> with the result.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } parent)
        {
            return await ResolveOrThrow(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts another in its place, without resuming the parent in between.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels every dialog on this stack; <see cref="DialogTurnStatus.Empty"/> when it was empty.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    /// <exception cref="StaleDialogStateException">The active dialog's id is not registered any more.</exception>
    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active
            ? ResolveOrThrow(active).RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    private Dialog ResolveOrThrow(DialogInstance instance) =>
        FindDialog(instance.Id) ?? throw StaleDialogStateException.UnknownDialog(instance.Id);

    /// <summary>Removes the active instance, telling its dialog why. Unknown ids are dropped quietly so a cancel always works.</summary>
    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }

        if (FindDialog(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken).ConfigureAwait(false);
        }

        Stack.RemoveAt(0);
    }
}
