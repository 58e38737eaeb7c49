using System.Text.Json.Serialization;

namespace SupportBot.Connectors.Mastodon.Client;

/// <summary>A notification (<c>GET /api/v1/notifications</c>).</summary>
internal sealed record MastodonNotification(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("account")] MastodonAccount? Account,
    [property: JsonPropertyName("status")] MastodonStatus? Status);

/// <summary>An account.</summary>
internal sealed record MastodonAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("acct")] string Acct,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("url")] string? Url = null);

/// <summary>A status (a post).</summary>
internal sealed record MastodonStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("in_reply_to_id")] string? InReplyToId,
    [property: JsonPropertyName("visibility")] string? Visibility,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("account")] MastodonAccount? Account,
    [property: JsonPropertyName("mentions")] IReadOnlyList<MastodonMention>? Mentions = null);

/// <summary>A mention inside a status.</summary>
internal sealed record MastodonMention(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("acct")] string Acct,
    [property: JsonPropertyName("url")] string? Url = null);

/// <summary>The body of <c>POST /api/v1/statuses</c>.</summary>
internal sealed record MastodonNewStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("visibility")] string Visibility,
    [property: JsonPropertyName("in_reply_to_id")] string? InReplyToId = null);

/// <summary>An error body: <c>{"error": "…"}</c>.</summary>
internal sealed record MastodonError([property: JsonPropertyName("error")] string? Error);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<MastodonNotification>))]
[JsonSerializable(typeof(MastodonAccount))]
[JsonSerializable(typeof(MastodonStatus))]
[JsonSerializable(typeof(MastodonNewStatus))]
[JsonSerializable(typeof(MastodonError))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
