using SupportBot.Core.Turns;

namespace SupportBot.Dialogs;

/// <summary>
/// A dialog made of dialogs: it runs its own inner stack (kept in its instance) over its own
/// <see cref="DialogSet"/>, starting with <see cref="InitialDialogId"/>, and ends when that stack empties.
/// Override <see cref="OnInterruptAsync"/> to handle messages like "help" or "cancel" before the active
/// inner dialog sees them.
/// </summary>
public class ComponentDialog : Dialog
{
    /// <summary>Creates a component; add its dialogs with <see cref="AddDialog"/>.</summary>
    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialogs.</summary>
    public DialogSet Dialogs { get; } = new();

    /// <summary>The inner dialog started first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog (the first added becomes <see cref="InitialDialogId"/> unless set).</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        instance.Children = new DialogState();
        var innerDc = new DialogContext(Dialogs, dc.Context, instance.Children, dc);
        var turn = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await EndIfDoneAsync(dc, turn, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerContext(dc.Context, dc.ActiveDialog!, dc);
        var turn = await OnInterruptAsync(innerDc, cancellationToken).ConfigureAwait(false)
            ?? await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await EndIfDoneAsync(dc, turn, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>A dialog this component started on the outer stack ended: ask the active inner dialog again.</remarks>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        CreateInnerContext(turnContext, instance, null).RepromptDialogAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled && instance.Children is { } children)
        {
            await new DialogContext(Dialogs, turnContext, children).CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs before the active inner dialog gets the message. Return null to let it continue; return a result
    /// to take the turn instead: <see cref="Dialog.EndOfTurn"/> to keep waiting (after, say, answering "help"
    /// and calling <see cref="DialogContext.RepromptDialogAsync"/>), or the result of
    /// <see cref="DialogContext.CancelAllDialogsAsync"/> to end the component. The default returns null.
    /// </summary>
    protected virtual Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        Task.FromResult<DialogTurnResult?>(null);

    /// <summary>Starts the inner stack; the default begins <see cref="InitialDialogId"/> with the options.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var initial = InitialDialogId
            ?? throw new InvalidOperationException($"The component dialog '{Id}' has no dialogs to start.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner stack; the default hands the turn to the active inner dialog.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>Ends the component once its inner stack is done, keeping a cancellation visible to the caller.</summary>
    private static async Task<DialogTurnResult> EndIfDoneAsync(DialogContext dc, DialogTurnResult inner, CancellationToken cancellationToken)
    {
        if (inner.Status == DialogTurnStatus.Waiting)
        {
            return inner;
        }

        var outer = await dc.EndDialogAsync(inner.Result, cancellationToken).ConfigureAwait(false);
        return inner.Status == DialogTurnStatus.Cancelled && outer.Status == DialogTurnStatus.Complete
            ? new DialogTurnResult(DialogTurnStatus.Cancelled, inner.Result)
            : outer;
    }

    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? parent) =>
        new(Dialogs, turnContext, instance.Children ?? throw new StaleDialogStateException($"The state of the dialog '{instance.Id}' has no inner stack."), parent);
}
