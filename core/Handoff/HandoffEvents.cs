using System.Text.Json;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Handoff;

/// <summary>The Bot Framework handoff events (PROTOCOLS.md §4), for the agent side only.</summary>
public static class HandoffEvents
{
    /// <summary>The event that starts a handoff.</summary>
    public const string Initiate = "handoff.initiate";

    /// <summary>The event that reports a handoff's state.</summary>
    public const string Status = "handoff.status";

    /// <summary>The transcript attachment's name.</summary>
    public const string TranscriptName = "Transcript";

    /// <summary>
    /// <c>handoff.initiate</c>: new id, now, the customer's conversation; <c>from</c>, <c>serviceUrl</c> and
    /// <c>channelId</c> copied from the triggering activity, <c>relatesTo</c> its reference, <c>replyToId</c>
    /// its id; <c>value</c> the context; the transcript as a JSON attachment.
    /// </summary>
    public static Activity CreateInitiate(Activity trigger, HandoffContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(context);
        var value = JsonSerializer.SerializeToElement(context with { Transcript = [] }, HandoffJson.Options);
        var transcript = JsonSerializer.SerializeToElement(new TranscriptContent(context.Transcript), HandoffJson.Options);
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = Initiate,
            Id = Guid.NewGuid().ToString(),
            Timestamp = now,
            Conversation = trigger.Conversation,
            From = trigger.From,
            Recipient = trigger.Recipient,
            RelatesTo = trigger.GetConversationReference(),
            ReplyToId = trigger.Id,
            ServiceUrl = trigger.ServiceUrl,
            ChannelId = trigger.ChannelId,
            Value = value,
            Attachments =
            [
                new Attachment { ContentType = "application/json", Name = TranscriptName, Content = transcript },
            ],
        };
    }

    /// <summary><c>handoff.status</c> with <c>value:{state, message}</c>.</summary>
    public static Activity CreateStatus(HandoffCase handoffCase, string state, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(handoffCase);
        var reference = handoffCase.Reference;
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = Status,
            Id = Guid.NewGuid().ToString(),
            Timestamp = now,
            Conversation = reference.Conversation,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            From = reference.Bot,
            Recipient = reference.User,
            RelatesTo = reference,
            Value = JsonSerializer.SerializeToElement(new StatusValue(state, message), HandoffJson.Options),
        };
    }

    /// <summary>Reads the transcript attachment of a <c>handoff.initiate</c> event.</summary>
    public static IReadOnlyList<Activity> ReadTranscript(Activity initiate)
    {
        ArgumentNullException.ThrowIfNull(initiate);
        var attachment = initiate.Attachments?.Find(a => a.Name == TranscriptName && a.ContentType == "application/json");
        if (attachment?.Content is not { } content)
        {
            return [];
        }

        return content.Deserialize<TranscriptContent>(HandoffJson.Options)?.Activities ?? [];
    }

    /// <summary>Reads the context (the value) of a <c>handoff.initiate</c> event.</summary>
    public static HandoffContext? ReadContext(Activity initiate) =>
        initiate?.Value is { } value ? value.Deserialize<HandoffContext>(HandoffJson.Options) : null;

    /// <summary>The attachment's content: <c>{"activities":[…]}</c>.</summary>
    public sealed record TranscriptContent(IReadOnlyList<Activity> Activities);

    /// <summary>The status event's value.</summary>
    public sealed record StatusValue(string State, string Message);
}

/// <summary>The <c>state</c> values of <c>handoff.status</c>.</summary>
public static class HandoffStates
{
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";
}
