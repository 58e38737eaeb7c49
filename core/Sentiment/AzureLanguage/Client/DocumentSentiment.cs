using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>One scored document: sentiment is <c>positive|neutral|negative|mixed</c> (PROTOCOLS.md §8).</summary>
internal sealed record DocumentSentiment(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sentiment")] string? Sentiment,
    [property: JsonPropertyName("confidenceScores")] ConfidenceScores? ConfidenceScores,
    [property: JsonPropertyName("sentences")] IReadOnlyList<SentenceSentiment>? Sentences,
    [property: JsonPropertyName("warnings")] IReadOnlyList<JsonElement>? Warnings);
