using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary><c>parameters</c> of a sentiment request (PROTOCOLS.md §8).</summary>
internal sealed record SentimentParameters(
    [property: JsonPropertyName("opinionMining")] bool OpinionMining,
    [property: JsonPropertyName("stringIndexType")] string StringIndexType)
{
    /// <summary>Offsets in .NET string units, so sentence offsets index our strings directly.</summary>
    public const string Utf16CodeUnit = "Utf16CodeUnit";
}
