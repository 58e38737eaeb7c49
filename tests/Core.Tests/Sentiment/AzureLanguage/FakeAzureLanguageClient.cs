using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>A client answering through a delegate, for provider behaviour that needs no HTTP.</summary>
internal sealed class FakeAzureLanguageClient(Func<IReadOnlyList<InputDocument>, SentimentResults> answer) : IAzureLanguageClient
{
    public List<IReadOnlyList<InputDocument>> Requests { get; } = [];

    public ValueTask<SentimentResults> AnalyzeSentimentAsync(IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken = default)
    {
        Requests.Add(documents);
        return ValueTask.FromResult(answer(documents));
    }
}
