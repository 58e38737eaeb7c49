using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Core.State;

/// <summary>State that belongs to one conversation (the dialog stack, what the customer told us).</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected internal override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return $"{activity.ChannelId}/conversations/{activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.")}";
    }
}
