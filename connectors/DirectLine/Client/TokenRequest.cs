using System.Text.Json.Serialization;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>The optional body of <c>tokens/generate</c> and <c>conversations</c>: <c>{"user":{"id","name"}}</c>.</summary>
internal sealed record TokenRequest(
    [property: JsonPropertyName("user")] TokenUser? User = null,
    [property: JsonPropertyName("trustedOrigins")] List<string>? TrustedOrigins = null);

/// <summary>The user a token is bound to; the id must start with <c>dl_</c>.</summary>
internal sealed record TokenUser(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("name")] string? Name = null);
