using System.Text.Json;
using SupportBot.Core.State;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs;

/// <summary>The entry point a bot calls each turn to run its dialogs.</summary>
public static class DialogExtensions
{
    /// <summary>What the user is told when a stored conversation no longer fits the bot (after an upgrade).</summary>
    public const string StaleStateMessage = "Sorry, I lost track of where we were after an update. Let's start again.";

    /// <summary>
    /// Runs <paramref name="dialog"/> as the root for this turn: continues the active dialog, or begins
    /// <paramref name="dialog"/> when nothing is active. A stored stack that no longer fits (unknown dialog id,
    /// missing waterfall step, unreadable state) is cleared, the user is told, and the root starts afresh.
    /// </summary>
    public static Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(accessor);
        return new DialogSet(accessor).Add(dialog).RunAsync(turnContext, dialog.Id, cancellationToken);
    }

    /// <summary>
    /// Runs the dialog stack of <paramref name="dialogs"/> for this turn, beginning <paramref name="dialogId"/>
    /// when nothing is active; recovers from a stale stack like
    /// <see cref="RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The set was created without a state accessor.</exception>
    public static async Task<DialogTurnResult> RunAsync(this DialogSet dialogs, ITurnContext turnContext, string dialogId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        var accessor = dialogs.DialogStateAccessor
            ?? throw new InvalidOperationException("The dialog set has no state accessor; create it with one to run it.");

        DialogContext dc;
        try
        {
            dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // The stored stack has a shape this version cannot read: same recovery as a stale id.
            await accessor.SetAsync(turnContext, new DialogState(), cancellationToken).ConfigureAwait(false);
            return await StartOverAsync(dialogs, turnContext, dialogId, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return result.Status == DialogTurnStatus.Empty
                ? await dc.BeginDialogAsync(dialogId, null, cancellationToken).ConfigureAwait(false)
                : result;
        }
        catch (StaleDialogStateException)
        {
            dc.Stack.Clear();
            return await StartOverAsync(dialogs, turnContext, dialogId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DialogTurnResult> StartOverAsync(DialogSet dialogs, ITurnContext turnContext, string dialogId, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(StaleStateMessage, cancellationToken: cancellationToken).ConfigureAwait(false);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return await dc.BeginDialogAsync(dialogId, null, cancellationToken).ConfigureAwait(false);
    }
}
