using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// The support bot: every customer message runs the HEAP conversation (<see cref="HeapConversation"/>),
/// whose dialog stack, case and outcome live in conversation state and whose customer memory lives in
/// user state. Other activities (conversationUpdate, typing, events) get no reply.
/// </summary>
internal sealed class SupportBot(HeapConversation conversation) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        conversation.OnTurnAsync(turnContext, cancellationToken);
}
