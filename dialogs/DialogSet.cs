using SupportBot.Core.State;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs;

/// <summary>The dialogs a stack can run, by id, and (for the root set) where the stack is kept.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Creates a set; <paramref name="dialogState"/> is needed only by <see cref="CreateContextAsync"/>.</summary>
    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null) => DialogStateAccessor = dialogState;

    /// <summary>Where the root stack is kept in conversation state; null for the inner set of a component.</summary>
    public IStatePropertyAccessor<DialogState>? DialogStateAccessor { get; }

    /// <summary>Adds a dialog.</summary>
    /// <exception cref="ArgumentException">A dialog with the same id is already in the set.</exception>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with the id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    /// <summary>The dialog with the id, or null.</summary>
    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>Loads the turn's stack and returns a context to run it.</summary>
    /// <exception cref="InvalidOperationException">The set was created without a state accessor.</exception>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var accessor = DialogStateAccessor
            ?? throw new InvalidOperationException("This dialog set has no state accessor; create it with one to run it as the root.");
        var state = await accessor.GetAsync(turnContext, static () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state!);
    }
}
