using SupportBot.Core.Schema;

namespace SupportBot.Core.Turns;

/// <summary>The default <see cref="ITurnContext"/>: addresses replies and runs the on-send hooks.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<UpdateActivityHandler> _onUpdate = [];
    private readonly List<DeleteActivityHandler> _onDelete = [];

    public BotAdapter Adapter { get; } = adapter;

    public Activity Activity { get; } = activity;

    public bool Responded { get; private set; }

    public TurnStateCollection TurnState { get; } = new();

    public Task<ResourceResponse> SendActivityAsync(string text, string? inputHint = null, CancellationToken cancellationToken = default) =>
        SendActivityAsync(ActivityExtensions.CreateMessage(text, inputHint ?? InputHints.AcceptingInput), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses[0];
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        var outgoing = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            outgoing.Add(activity.ApplyConversationReference(reference));
        }

        return RunSendHooks(0, outgoing, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ApplyConversationReference(Activity.GetConversationReference());
        return RunUpdateHooks(0, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference() with { ActivityId = activityId };
        return RunDeleteHooks(0, reference, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler);
        return this;
    }

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        _onUpdate.Add(handler);
        return this;
    }

    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        _onDelete.Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunSendHooks(int index, List<Activity> activities, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
        {
            return _onSend[index](this, activities, () => RunSendHooks(index + 1, activities, cancellationToken));
        }

        if (activities.Count == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        if (activities.Exists(a => a.Type == ActivityTypes.Message))
        {
            Responded = true;
        }

        return Adapter.SendActivitiesAsync(this, activities, cancellationToken);
    }

    private Task<ResourceResponse> RunUpdateHooks(int index, Activity activity, CancellationToken cancellationToken) =>
        index < _onUpdate.Count
            ? _onUpdate[index](this, activity, () => RunUpdateHooks(index + 1, activity, cancellationToken))
            : Adapter.UpdateActivityAsync(this, activity, cancellationToken);

    private Task RunDeleteHooks(int index, ConversationReference reference, CancellationToken cancellationToken) =>
        index < _onDelete.Count
            ? _onDelete[index](this, reference, () => RunDeleteHooks(index + 1, reference, cancellationToken))
            : Adapter.DeleteActivityAsync(this, reference, cancellationToken);
}
