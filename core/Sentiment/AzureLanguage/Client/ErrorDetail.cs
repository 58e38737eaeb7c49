using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>An error code and message, possibly with a more specific inner error (PROTOCOLS.md §8).</summary>
internal sealed record ErrorDetail(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("innererror")] ErrorDetail? InnerError);
