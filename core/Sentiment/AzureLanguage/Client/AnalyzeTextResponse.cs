using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>Successful answer: <c>{"kind":"SentimentAnalysisResults","results":{…}}</c> (PROTOCOLS.md §8).</summary>
internal sealed record AnalyzeTextResponse(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("results")] SentimentResults? Results);
