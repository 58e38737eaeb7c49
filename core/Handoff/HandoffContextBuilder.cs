using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Support.Tickets;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Handoff;

/// <summary>Gathers the <see cref="HandoffContext"/> for a customer turn: records, mood, transcript, summary.</summary>
internal sealed class HandoffContextBuilder(
    ITranscriptStore transcripts,
    ConversationState conversationState,
    ICustomerService? customers,
    ITicketService? tickets,
    HandoffOptions options)
{
    /// <summary>How many resolved tickets the context shows.</summary>
    private const int PastTicketCount = 5;

    private readonly IStatePropertyAccessor<MoodTrajectory> _mood = conversationState.CreateProperty<MoodTrajectory>(SentimentMiddleware.MoodProperty);

    public async Task<HandoffContext> BuildAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var channel = activity.ChannelId ?? "unknown";
        var customer = await CustomerAsync(activity, request, cancellationToken).ConfigureAwait(false);
        var trajectory = SentimentTurn.Of(turnContext)?.Mood
            ?? await _mood.GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false)
            ?? new MoodTrajectory();
        var points = trajectory.Points.ToList();
        var mood = new HandoffMood(Math.Round(trajectory.Average, 4), HandoffSummary.Trend(points), points);
        var summary = HandoffSummary.Build(customer.Name, channel, request.Reason, request.Facts, request.Tried, mood, request.Stage);
        return new HandoffContext
        {
            Customer = customer,
            Channel = channel,
            Stage = request.Stage,
            Facts = request.Facts,
            Said = request.Said,
            Tried = request.Tried,
            Mood = mood,
            Summary = summary,
            Transcript = await TranscriptAsync(turnContext, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<HandoffCustomer> CustomerAsync(Activity activity, HandoffRequest request, CancellationToken cancellationToken)
    {
        var identities = new List<CustomerIdentity>();
        if (activity.ChannelId is { } channelId && activity.From?.Id is { } userId)
        {
            identities.Add(new CustomerIdentity(channelId, userId));
        }

        CustomerProfile? profile = null;
        if (customers is not null)
        {
            profile = request.CustomerId is { } id
                ? await customers.GetAsync(id, cancellationToken).ConfigureAwait(false)
                : identities.Count > 0 ? await customers.LookupAsync(new ChannelIdentity(identities[0].Channel, identities[0].Id), cancellationToken).ConfigureAwait(false) : null;
        }

        foreach (var identity in profile?.Identities ?? [])
        {
            if (!identities.Exists(i => string.Equals(i.Channel, identity.Channel, StringComparison.OrdinalIgnoreCase) && string.Equals(i.Id, identity.Id, StringComparison.OrdinalIgnoreCase)))
            {
                identities.Add(new CustomerIdentity(identity.Channel, identity.Id));
            }
        }

        var open = (profile?.OpenTickets ?? []).Select(ToTicket).ToList();
        if (open.Count == 0 && profile is not null && tickets is not null)
        {
            open = (await tickets.ListOpenForCustomerAsync(profile.CustomerId, cancellationToken).ConfigureAwait(false)).Select(ToTicket).ToList();
        }

        var past = profile is not null && tickets is not null
            ? (await tickets.ListResolvedForCustomerAsync(profile.CustomerId, PastTicketCount, cancellationToken).ConfigureAwait(false)).Select(ToTicket).ToList()
            : [];
        var name = request.CustomerName ?? profile?.FirstName ?? (activity.From?.Name is { Length: > 0 } display && display != activity.From.Id ? display : null);
        return new HandoffCustomer(name, profile?.CustomerId ?? request.CustomerId, identities, open, past);
    }

    /// <summary>The committed transcript plus what this turn has added so far, the latest ones only.</summary>
    private async Task<IReadOnlyList<Activity>> TranscriptAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var all = new List<Activity>();
        if (activity.ChannelId is { } channelId && activity.Conversation?.Id is { } conversationId)
        {
            string? token = null;
            do
            {
                var page = await transcripts.GetTranscriptActivitiesAsync(channelId, conversationId, token, cancellationToken).ConfigureAwait(false);
                all.AddRange(page.Activities);
                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        if (turnContext.TurnState.Get<TurnCommit>() is { } commit)
        {
            all.AddRange(commit.Transcript.Select(a => a.Clone()));
        }

        return all.Count > options.MaxTranscriptActivities ? all[^options.MaxTranscriptActivities..] : all;
    }

    private static HandoffTicket ToTicket(Ticket ticket) =>
        new(ticket.Reference, ticket.Summary, ticket.Status.ToString().ToLowerInvariant(), ticket.CreatedAt);
}
