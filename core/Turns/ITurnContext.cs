using SupportBot.Core.Schema;

namespace SupportBot.Core.Turns;

/// <summary>Runs for the activities a turn sends, before they reach the adapter; call <c>next</c> to send.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>Runs for an activity a turn updates; call <c>next</c> to update.</summary>
public delegate Task<ResourceResponse> UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);

/// <summary>Runs for an activity a turn deletes; call <c>next</c> to delete.</summary>
public delegate Task DeleteActivityHandler(ITurnContext turnContext, ConversationReference reference, Func<Task> next);

/// <summary>The bot's logic for one turn.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

/// <summary>
/// One turn of a conversation: the activity that arrived, and the means to answer it.
/// </summary>
public interface ITurnContext
{
    /// <summary>The adapter running this turn.</summary>
    BotAdapter Adapter { get; }

    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>True once the turn has sent a message.</summary>
    bool Responded { get; }

    /// <summary>Objects that live for this turn only (state caches, services).</summary>
    TurnStateCollection TurnState { get; }

    Task<ResourceResponse> SendActivityAsync(string text, string? inputHint = null, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
