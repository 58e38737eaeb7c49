using SupportBot.Core.Turns;

namespace SupportBot.Core.State;

/// <summary>The states a turn loaded; a durable turn saves each of them before it commits.</summary>
internal sealed class LoadedStates : HashSet<BotState>
{
    public static LoadedStates Of(ITurnContext turnContext)
    {
        var loaded = turnContext.TurnState.Get<LoadedStates>();
        if (loaded is null)
        {
            loaded = [];
            turnContext.TurnState.Set(loaded);
        }

        return loaded;
    }

    public static IReadOnlyCollection<BotState> In(ITurnContext turnContext) =>
        (IReadOnlyCollection<BotState>?)turnContext.TurnState.Get<LoadedStates>() ?? [];
}
