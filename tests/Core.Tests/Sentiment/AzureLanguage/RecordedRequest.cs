using System.Text.Json;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>One request as the local server received it.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    long ReceivedTimestamp)
{
    /// <summary>The parsed body.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary><c>analysisInput.documents</c> of the body.</summary>
    public IReadOnlyList<JsonElement> Documents =>
        [.. Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()];

    public IReadOnlyList<string> DocumentIds => [.. Documents.Select(d => d.GetProperty("id").GetString()!)];

    public IReadOnlyList<string> DocumentTexts => [.. Documents.Select(d => d.GetProperty("text").GetString()!)];
}
