using System.Text.Json.Serialization;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>One document to score; <see cref="Id"/> is unique within the request (PROTOCOLS.md §8).</summary>
internal sealed record InputDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("text")] string Text);
