using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>Body of a failed request: <c>{"error":{"code","message","innererror"}}</c> (PROTOCOLS.md §8).</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("error")] ErrorDetail? Error);
