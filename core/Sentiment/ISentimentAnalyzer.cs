namespace SupportBot.Core.Sentiment;

/// <summary>
/// Judges customer messages: polarity from the configured provider plus the customer-service signals
/// (repeat contact, waiting, threats, requests for a person, sarcasm, shouting, insults, profanity).
/// Never throws for bad text: empty, huge, control characters, unsupported scripts all get a result.
/// </summary>
public interface ISentimentAnalyzer
{
    ValueTask<SentimentResult> AnalyzeAsync(string? text, CancellationToken cancellationToken = default);
}
