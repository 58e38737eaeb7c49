using System.Text.Json.Serialization;

namespace SupportBot.Connectors.Social;

/// <summary>How far a social account is in linking itself to a customer record (conversation state).</summary>
/// <param name="Stage"><c>email</c> (waiting for the address on file) or <c>code</c> (waiting for the one-time code).</param>
public sealed record LinkProgress([property: JsonPropertyName("stage")] string Stage)
{
    public const string AwaitingEmail = "email";
    public const string AwaitingCode = "code";
}
