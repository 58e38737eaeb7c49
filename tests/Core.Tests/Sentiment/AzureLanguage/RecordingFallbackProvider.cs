using System.Collections.Concurrent;
using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>A fallback that answers <see cref="Marker"/> for every text and records what it was asked.</summary>
internal sealed class RecordingFallbackProvider : IPolarityProvider
{
    /// <summary>Scores no real provider would produce, so a fallback answer is recognisable.</summary>
    public static readonly Polarity Marker = new(-0.123, 0.111, 0.222, 0.667, SentimentLabels.Negative);

    private readonly ConcurrentQueue<IReadOnlyList<string>> _calls = new();

    public IReadOnlyList<IReadOnlyList<string>> Calls => _calls.ToArray();

    public IReadOnlyList<string> Texts => [.. _calls.SelectMany(c => c)];

    public ValueTask<IReadOnlyList<Polarity>> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue([.. texts]);
        return ValueTask.FromResult<IReadOnlyList<Polarity>>([.. texts.Select(_ => Marker)]);
    }
}
