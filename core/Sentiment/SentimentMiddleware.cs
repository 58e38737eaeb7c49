using System.Text.Json;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.State;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// Watches every customer message: scores it, records the score on the activity itself (an entity of
/// type <see cref="EntityType"/>, so it is stored with the transcript), adds it to the conversation's
/// <see cref="MoodTrajectory"/> and asks the <see cref="EscalationPolicy"/> for a decision, which the bot
/// reads through <see cref="SentimentTurn.Of"/>.
/// </summary>
public sealed class SentimentMiddleware(ISentimentAnalyzer analyzer, ConversationState conversationState, EscalationPolicy policy, TimeProvider timeProvider)
    : IMiddleware
{
    /// <summary>The entity type that carries a message's score in the transcript.</summary>
    public const string EntityType = "supportbot/sentiment";

    /// <summary>The conversation-state property holding the trajectory.</summary>
    public const string MoodProperty = "mood";

    private readonly IStatePropertyAccessor<MoodTrajectory> _mood = conversationState.CreateProperty<MoodTrajectory>(MoodProperty);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && activity.From?.Role is null or RoleTypes.User && !string.IsNullOrWhiteSpace(activity.Text))
        {
            var result = await analyzer.AnalyzeAsync(activity.Text, cancellationToken).ConfigureAwait(false);
            Record(activity, result);
            var trajectory = (await _mood.GetAsync(turnContext, () => new MoodTrajectory(), cancellationToken).ConfigureAwait(false))!;
            trajectory.Add(result, activity.Timestamp ?? timeProvider.GetUtcNow(), policy.Options.SmoothingFactor);
            var decision = policy.Evaluate(trajectory, result, activity.Text);
            turnContext.TurnState.Set(new SentimentTurn(result, decision, trajectory));
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the score on the activity (replacing one from an earlier attempt of the same turn).</summary>
    private static void Record(Activity activity, SentimentResult result)
    {
        activity.Entities ??= [];
        activity.Entities.RemoveAll(e => e.Type == EntityType);
        // The element SerializeToElement returns owns its document, so its properties need no copies.
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in JsonSerializer.SerializeToElement(result, StateJson.Options).EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        activity.Entities.Add(new Entity { Type = EntityType, Properties = properties });
    }

    /// <summary>Reads a score recorded on a transcript activity, or null.</summary>
    public static SentimentResult? ReadRecorded(Activity activity)
    {
        var entity = activity.Entities?.Find(e => e.Type == EntityType);
        if (entity?.Properties is null)
        {
            return null;
        }

        var json = JsonSerializer.SerializeToElement(entity.Properties, StateJson.Options);
        return json.Deserialize<SentimentResult>(StateJson.Options);
    }
}
