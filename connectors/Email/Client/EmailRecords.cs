using System.Text.Json.Serialization;

namespace SupportBot.Connectors.Email.Client;

/// <summary>An email thread (one conversation): whom to answer, under which subject, and the Message-IDs to thread on.</summary>
internal sealed record ThreadRecord(
    [property: JsonPropertyName("customer")] string CustomerAddress,
    [property: JsonPropertyName("customerName")] string? CustomerName,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("lastInbound")] string? LastInboundMessageId,
    [property: JsonPropertyName("references")] List<string> References);

/// <summary>A mail that has been dealt with (answered, ignored or set aside), keyed by its Message-ID.</summary>
internal sealed record MessageRecord(
    [property: JsonPropertyName("conversation")] string? ConversationId,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>How far the watched folder has been read: the highest UID handled under this UIDVALIDITY.</summary>
internal sealed record MailboxCheckpoint(
    [property: JsonPropertyName("uidValidity")] uint UidValidity,
    [property: JsonPropertyName("lastUid")] uint LastUid);

/// <summary>Automatic replies to one sender on one UTC day.</summary>
internal sealed record SenderCount([property: JsonPropertyName("count")] int Count);

/// <summary>What an inbound mail's activity carries besides its text (kept in the transcript).</summary>
internal sealed record EmailChannelData(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("inReplyTo")] string? InReplyTo,
    [property: JsonPropertyName("references")] IReadOnlyList<string> References,
    [property: JsonPropertyName("fullText")] string FullText);

[JsonSerializable(typeof(ThreadRecord))]
[JsonSerializable(typeof(MessageRecord))]
[JsonSerializable(typeof(MailboxCheckpoint))]
[JsonSerializable(typeof(SenderCount))]
[JsonSerializable(typeof(EmailChannelData))]
internal sealed partial class EmailJsonContext : JsonSerializerContext;
