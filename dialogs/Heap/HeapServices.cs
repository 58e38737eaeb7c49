using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.State;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Actions;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap;

/// <summary>What the HEAP dialogs need: the policy, the business actions, the state they keep and the clock.</summary>
public sealed class HeapServices
{
    /// <summary>The conversation-state property that holds the dialog stack.</summary>
    public const string DialogStateProperty = "DialogState";

    private static readonly EscalationPolicy DefaultEscalation = new(new EscalationOptions());

    /// <summary>Creates the services over the bot's states.</summary>
    public HeapServices(ServicePolicyOptions policy, ISupportActions actions, ConversationState conversationState, UserState userState, FollowUpStore followUps, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(userState);
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Actions = actions ?? throw new ArgumentNullException(nameof(actions));
        Time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        FollowUps = followUps ?? throw new ArgumentNullException(nameof(followUps));
        DialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty);
        Case = conversationState.CreateProperty<HeapCase>(HeapCase.Property);
        Outcome = conversationState.CreateProperty<ConversationOutcome>(ConversationOutcome.Property);
        Mood = conversationState.CreateProperty<MoodTrajectory>(SentimentMiddleware.MoodProperty);
        Profile = userState.CreateProperty<CustomerProfile>(CustomerProfile.Property);
        Burst = conversationState.CreateProperty<Burst.BurstBuffer>(Heap.Burst.BurstBuffer.Property);
    }

    /// <summary>The service policy.</summary>
    public ServicePolicyOptions Policy { get; }

    /// <summary>The business actions (Semantic Kernel plugins in production).</summary>
    public ISupportActions Actions { get; }

    /// <summary>Where promised follow-ups are kept.</summary>
    public FollowUpStore FollowUps { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Live handoff to a person (null: escalation opens a ticket instead).</summary>
    public Core.Handoff.HandoffService? Handoff { get; init; }

    internal IStatePropertyAccessor<DialogState> DialogState { get; }

    internal IStatePropertyAccessor<HeapCase> Case { get; }

    internal IStatePropertyAccessor<ConversationOutcome> Outcome { get; }

    internal IStatePropertyAccessor<MoodTrajectory> Mood { get; }

    internal IStatePropertyAccessor<CustomerProfile> Profile { get; }

    internal IStatePropertyAccessor<Burst.BurstBuffer> Burst { get; }

    internal async Task<HeapCase> CaseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await Case.GetAsync(turnContext, () => new HeapCase(), cancellationToken).ConfigureAwait(false))!;

    internal async Task<CustomerProfile> ProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await Profile.GetAsync(turnContext, () => new CustomerProfile(), cancellationToken).ConfigureAwait(false))!;

    internal async Task SetOutcomeAsync(ITurnContext turnContext, string kind, string? ticketId, CancellationToken cancellationToken)
    {
        var outcome = (await Outcome.GetAsync(turnContext, () => new ConversationOutcome(), cancellationToken).ConfigureAwait(false))!;
        outcome.Kind = kind;
        outcome.At = Time.GetUtcNow();
        HeapMetrics.OutcomeRecorded(kind, turnContext.Activity.ChannelId);
        outcome.TicketId = ticketId ?? outcome.TicketId;
        if (turnContext.Activity.From is not null)
        {
            var profile = await ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
            profile.LastOutcome = kind;
        }
    }

    /// <summary>Counts a resolution the customer said did not help (the escalation policy reads it).</summary>
    internal async Task CountFailedResolutionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var mood = await Mood.GetAsync(turnContext, () => new MoodTrajectory(), cancellationToken).ConfigureAwait(false);
        mood!.FailedResolutions++;
    }

    /// <summary>Whether this message asks for a person: the sentiment middleware's decision, or the same phrase rule without it.</summary>
    internal static bool AsksForPerson(ITurnContext turnContext) =>
        SentimentTurn.Of(turnContext) is { } sentiment
            ? sentiment.Escalation.Reasons.Contains(EscalationReasons.ExplicitRequest) || sentiment.Result.Reasons.Contains(UpsetReasons.AsksForHuman)
            : DefaultEscalation.AsksForPerson(turnContext.Activity.Text);

    /// <summary>Whether the sentiment middleware decided this customer should go to a person now.</summary>
    internal static bool ShouldEscalate(ITurnContext turnContext) =>
        SentimentTurn.Of(turnContext)?.Escalation.Escalate == true || AsksForPerson(turnContext);

    internal static ConversationReference ReferenceOf(ITurnContext turnContext) => turnContext.Activity.GetConversationReference();
}
