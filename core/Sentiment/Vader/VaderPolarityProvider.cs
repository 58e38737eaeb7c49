namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// The embedded polarity provider: scores each text with <see cref="VaderAnalyzer"/>, in process, with no
/// I/O. Labels follow PROTOCOLS.md §9 (compound ≥ 0.05 positive, ≤ −0.05 negative, else neutral).
/// </summary>
public sealed class VaderPolarityProvider : IPolarityProvider
{
    private readonly VaderAnalyzer analyzer;

    /// <summary>Scores with <see cref="VaderAnalyzer.Default"/>.</summary>
    public VaderPolarityProvider()
        : this(VaderAnalyzer.Default)
    {
    }

    /// <summary>Scores with the given analyzer.</summary>
    public VaderPolarityProvider(VaderAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        this.analyzer = analyzer;
    }

    /// <summary>Scores one text synchronously; never throws for bad text.</summary>
    public Polarity Score(string? text) => analyzer.PolarityScores(text).ToPolarity();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Polarity>> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new Polarity[texts.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Score(texts[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<Polarity>>(results);
    }
}
