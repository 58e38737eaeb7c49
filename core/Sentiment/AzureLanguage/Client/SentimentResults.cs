using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>
/// Scored documents and per-document errors. Either list may come in any order; answers are matched to
/// inputs by id (PROTOCOLS.md §8).
/// </summary>
internal sealed record SentimentResults(
    [property: JsonPropertyName("documents")] IReadOnlyList<DocumentSentiment>? Documents,
    [property: JsonPropertyName("errors")] IReadOnlyList<DocumentError>? Errors,
    [property: JsonPropertyName("modelVersion")] string? ModelVersion);
