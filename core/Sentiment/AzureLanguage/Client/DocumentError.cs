using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>A document the service could not score, in <c>results.errors[]</c> (PROTOCOLS.md §8).</summary>
internal sealed record DocumentError(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("error")] ErrorDetail? Error);
