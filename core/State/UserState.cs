using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Core.State;

/// <summary>State that belongs to one user on one channel, across conversations.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected internal override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return $"{activity.ChannelId}/users/{activity.From?.Id ?? throw new InvalidOperationException("The activity has no from.id.")}";
    }
}
