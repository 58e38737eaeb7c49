using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary><c>analysisInput</c>: the documents of one request (at most 10, PROTOCOLS.md §8).</summary>
internal sealed record AnalysisInput(
    [property: JsonPropertyName("documents")] IReadOnlyList<InputDocument> Documents);
