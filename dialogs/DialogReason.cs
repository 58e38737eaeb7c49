namespace SupportBot.Dialogs;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just started.</summary>
    BeginCalled,

    /// <summary>The dialog continues with the user's next message.</summary>
    ContinueCalled,

    /// <summary>The dialog (or a child of it) ended normally.</summary>
    EndCalled,

    /// <summary>The dialog is being replaced by another one.</summary>
    ReplaceCalled,

    /// <summary>The dialog is being cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step skipped ahead with <see cref="WaterfallStepContext.NextAsync"/>.</summary>
    NextCalled,
}
