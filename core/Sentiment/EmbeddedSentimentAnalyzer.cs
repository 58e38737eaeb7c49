using SupportBot.Core.Sentiment.Signals;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// The analyzer that needs nothing installed: polarity from an <see cref="IPolarityProvider"/> (the embedded
/// VADER by default) judged by the customer-service signals of <see cref="UpsetJudge"/>.
/// </summary>
public sealed class EmbeddedSentimentAnalyzer : ISentimentAnalyzer
{
    private readonly VaderAnalyzer _vader;
    private readonly IPolarityProvider? _provider;
    private readonly UpsetJudge _judge;

    /// <summary>VADER and the shipped signal rules.</summary>
    public EmbeddedSentimentAnalyzer()
        : this(null, null)
    {
    }

    /// <summary>
    /// Polarity from <paramref name="provider"/> (VADER when null) and the signals of <paramref name="judge"/>
    /// (<see cref="UpsetJudge.Default"/> when null).
    /// </summary>
    public EmbeddedSentimentAnalyzer(IPolarityProvider? provider, UpsetJudge? judge = null)
    {
        _vader = VaderAnalyzer.Default;
        _provider = provider;
        _judge = judge ?? UpsetJudge.Default;
    }

    /// <summary>A shared instance with VADER and the shipped rules.</summary>
    public static EmbeddedSentimentAnalyzer Default { get; } = new();

    /// <summary>Judges one message synchronously with the embedded VADER, whatever provider was given. Never throws.</summary>
    public SentimentResult Analyze(string? text) => _judge.Judge(text, _vader.PolarityScores(text).ToPolarity());

    /// <inheritdoc />
    public async ValueTask<SentimentResult> AnalyzeAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (_provider is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Analyze(text);
        }

        var scores = await _provider.ScoreAsync([text ?? string.Empty], cancellationToken).ConfigureAwait(false);
        return _judge.Judge(text, scores.Count > 0 ? scores[0] : default);
    }
}
