namespace SupportBot.Connectors.DirectLine.Tokens;

/// <summary>What a valid token grants: one conversation, as one <c>dl_</c> user, until it expires.</summary>
internal sealed record DirectLineToken(
    string ConversationId,
    string UserId,
    string? UserName,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string Id);
