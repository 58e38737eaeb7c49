namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>
/// One sentiment request to Azure AI Language, without retries: resilience is the provider's concern.
/// An interface so the provider can be tested with a fake.
/// </summary>
internal interface IAzureLanguageClient
{
    /// <summary>
    /// Scores up to 10 documents. Throws <see cref="AzureLanguageRequestException"/> when the service
    /// answers with an error, <see cref="HttpRequestException"/> when it cannot be reached.
    /// </summary>
    ValueTask<SentimentResults> AnalyzeSentimentAsync(IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken = default);
}
