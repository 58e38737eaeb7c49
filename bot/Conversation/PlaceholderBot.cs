using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Turns;
using SupportBot.Dialogs;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// The bot until the HEAP issue replaces it: every customer message runs <see cref="IntakeDialog"/>,
/// whose stack lives in conversation state. Other activities (conversationUpdate, typing, events) get
/// no reply: the customer has said nothing yet, and a greeting would answer the first prompt for them.
/// </summary>
internal sealed class PlaceholderBot(ConversationState conversationState) : IBot
{
    private readonly IntakeDialog _dialog = new();
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        await _dialog.RunAsync(turnContext, _dialogState, cancellationToken).ConfigureAwait(false);
    }
}
