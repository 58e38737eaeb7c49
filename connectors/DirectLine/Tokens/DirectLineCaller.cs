namespace SupportBot.Connectors.DirectLine.Tokens;

/// <summary>Who is calling: the secret holder (server side, every conversation) or a token's bearer.</summary>
internal sealed record DirectLineCaller(DirectLineToken? Token)
{
    public static readonly DirectLineCaller Secret = new((DirectLineToken?)null);

    public bool IsSecret => Token is null;

    /// <summary>True when the caller may use <paramref name="conversationId"/>.</summary>
    public bool Reaches(string conversationId) =>
        Token is null || string.Equals(Token.ConversationId, conversationId, StringComparison.Ordinal);
}
