using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>
/// One sentence of a scored document. Offsets are UTF-16 code units because the request asks for
/// <c>Utf16CodeUnit</c>; opinion-mining targets and assessments are kept raw (PROTOCOLS.md §8).
/// </summary>
internal sealed record SentenceSentiment(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("sentiment")] string? Sentiment,
    [property: JsonPropertyName("confidenceScores")] ConfidenceScores? ConfidenceScores,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("targets")] IReadOnlyList<JsonElement>? Targets,
    [property: JsonPropertyName("assessments")] IReadOnlyList<JsonElement>? Assessments);
