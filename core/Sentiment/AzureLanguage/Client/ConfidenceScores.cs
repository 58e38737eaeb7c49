using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>The model's confidence in each class, 0…1, summing to 1 (PROTOCOLS.md §8).</summary>
internal sealed record ConfidenceScores(
    [property: JsonPropertyName("positive")] double Positive,
    [property: JsonPropertyName("neutral")] double Neutral,
    [property: JsonPropertyName("negative")] double Negative);
