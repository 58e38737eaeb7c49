namespace SupportBot.Dialogs;

/// <summary>
/// The stored dialog stack no longer fits the dialogs this version of the bot has: it names a dialog id that
/// is gone or a waterfall step that no longer exists (typically after an upgrade).
/// <see cref="DialogExtensions.RunAsync(Dialog, SupportBot.Core.Turns.ITurnContext, SupportBot.Core.State.IStatePropertyAccessor{DialogState}, CancellationToken)"/>
/// recovers from it by starting over.
/// </summary>
public sealed class StaleDialogStateException : InvalidOperationException
{
    /// <summary>Creates the exception with a message naming what no longer fits.</summary>
    public StaleDialogStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that revealed it.</summary>
    public StaleDialogStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The stack names a dialog that is not registered.</summary>
    internal static StaleDialogStateException UnknownDialog(string dialogId) =>
        new($"The dialog stack names the dialog '{dialogId}', which no longer exists.");
}
