using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>Body of <c>POST /language/:analyze-text</c> for sentiment (PROTOCOLS.md §8).</summary>
internal sealed record AnalyzeTextRequest(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("parameters")] SentimentParameters Parameters,
    [property: JsonPropertyName("analysisInput")] AnalysisInput AnalysisInput)
{
    /// <summary>The task kind that asks for sentiment analysis.</summary>
    public const string SentimentAnalysisKind = "SentimentAnalysis";
}
