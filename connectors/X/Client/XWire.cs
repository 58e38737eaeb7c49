using System.Text.Json.Serialization;

namespace SupportBot.Connectors.X.Client;

/// <summary>A post (tweet) as <c>tweet.fields=created_at,author_id,conversation_id</c> returns it.</summary>
internal sealed record XPost(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("author_id")] string? AuthorId = null,
    [property: JsonPropertyName("conversation_id")] string? ConversationId = null,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt = null);

internal sealed record XUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("name")] string? Name);

/// <summary><c>includes</c>: users always; posts under their old (<c>tweets</c>) or new (<c>posts</c>) name (§6).</summary>
internal sealed record XIncludes(
    [property: JsonPropertyName("users")] List<XUser>? Users = null,
    [property: JsonPropertyName("tweets")] List<XPost>? Tweets = null,
    [property: JsonPropertyName("posts")] List<XPost>? Posts = null);

internal sealed record XMeta(
    [property: JsonPropertyName("newest_id")] string? NewestId = null,
    [property: JsonPropertyName("oldest_id")] string? OldestId = null,
    [property: JsonPropertyName("result_count")] int ResultCount = 0,
    [property: JsonPropertyName("next_token")] string? NextToken = null);

internal sealed record XPostPage(
    [property: JsonPropertyName("data")] List<XPost>? Data,
    [property: JsonPropertyName("includes")] XIncludes? Includes,
    [property: JsonPropertyName("meta")] XMeta? Meta);

internal sealed record XDmEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("sender_id")] string? SenderId,
    [property: JsonPropertyName("dm_conversation_id")] string? DmConversationId,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt = null);

internal sealed record XDmPage(
    [property: JsonPropertyName("data")] List<XDmEvent>? Data,
    [property: JsonPropertyName("includes")] XIncludes? Includes,
    [property: JsonPropertyName("meta")] XMeta? Meta);

internal sealed record XUserResponse([property: JsonPropertyName("data")] XUser? Data);

internal sealed record XReply([property: JsonPropertyName("in_reply_to_tweet_id")] string InReplyToTweetId);

internal sealed record XNewPost(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reply")] XReply? Reply = null);

internal sealed record XCreated([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("text")] string? Text);

internal sealed record XCreatedResponse([property: JsonPropertyName("data")] XCreated? Data);

internal sealed record XNewDm([property: JsonPropertyName("text")] string Text);

internal sealed record XDmCreated(
    [property: JsonPropertyName("dm_conversation_id")] string? DmConversationId,
    [property: JsonPropertyName("dm_event_id")] string? DmEventId);

internal sealed record XDmCreatedResponse([property: JsonPropertyName("data")] XDmCreated? Data);

/// <summary>A problem body (<c>title</c>, <c>detail</c>, <c>status</c>) or the older <c>errors</c> list.</summary>
internal sealed record XProblem(
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("detail")] string? Detail = null,
    [property: JsonPropertyName("errors")] List<XProblemItem>? Errors = null);

internal sealed record XProblemItem([property: JsonPropertyName("message")] string? Message);

/// <summary>The token endpoint's answer.</summary>
internal sealed record XTokenResponse(
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("scope")] string? Scope = null,
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("error_description")] string? ErrorDescription = null);

/// <summary>The OAuth 2.0 tokens kept in the bot's storage (key <c>social/x/oauth2</c>).</summary>
internal sealed record XStoredTokens(
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("refreshToken")] string RefreshToken,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(XPostPage))]
[JsonSerializable(typeof(XDmPage))]
[JsonSerializable(typeof(XUserResponse))]
[JsonSerializable(typeof(XNewPost))]
[JsonSerializable(typeof(XCreatedResponse))]
[JsonSerializable(typeof(XNewDm))]
[JsonSerializable(typeof(XDmCreatedResponse))]
[JsonSerializable(typeof(XProblem))]
[JsonSerializable(typeof(XTokenResponse))]
[JsonSerializable(typeof(XStoredTokens))]
internal sealed partial class XJsonContext : JsonSerializerContext;
