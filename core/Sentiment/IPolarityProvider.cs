namespace SupportBot.Core.Sentiment;

/// <summary>
/// Scores the polarity of messages: the embedded VADER analyzer, or Azure AI Language. The
/// customer-service signals are applied on top of whichever provider is configured.
/// </summary>
public interface IPolarityProvider
{
    /// <summary>Scores each text; the answer has one entry per input, in order. Never throws for bad text.</summary>
    ValueTask<IReadOnlyList<Polarity>> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
