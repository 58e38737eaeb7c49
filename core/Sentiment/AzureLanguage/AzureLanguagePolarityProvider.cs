using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>
/// Polarity from Azure AI Language sentiment over REST (PROTOCOLS.md §8), with a fallback provider (the
/// embedded VADER analyzer in production) that answers whenever Azure cannot: bad request, rejected
/// key, throttling past the retry budget, server errors, timeouts, an open circuit, or a document Azure
/// rejected. The caller always gets one score per text; only cancellation throws.
/// </summary>
/// <remarks>
/// Register it as a singleton: the circuit breaker's state lives in the instance. The
/// <see cref="HttpClient"/> stays the caller's (e.g. from <c>IHttpClientFactory</c>).
/// </remarks>
public sealed class AzureLanguagePolarityProvider : IPolarityProvider
{
    private readonly IAzureLanguageClient _client;
    private readonly IPolarityProvider _fallback;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly string _language;

    /// <summary>Creates the provider; throws <see cref="ArgumentException"/> naming every bad option key.</summary>
    /// <param name="httpClient">Sends the requests; not disposed by the provider.</param>
    /// <param name="options">Endpoint, key and resilience settings (section <c>Sentiment:AzureLanguage</c>).</param>
    /// <param name="fallback">Scores what Azure cannot.</param>
    /// <param name="timeProvider">The clock of timeouts, retries and the circuit breaker.</param>
    /// <param name="logger">Receives warnings when the fallback answers; never texts or the key.</param>
    public AzureLanguagePolarityProvider(
        HttpClient httpClient,
        AzureLanguageOptions options,
        IPolarityProvider fallback,
        TimeProvider timeProvider,
        ILogger<AzureLanguagePolarityProvider> logger)
        : this(CreateClient(httpClient, options, timeProvider), options, fallback, timeProvider, logger)
    {
    }

    internal AzureLanguagePolarityProvider(
        IAzureLanguageClient client,
        AzureLanguageOptions options,
        IPolarityProvider fallback,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ThrowIfInvalid(options);

        _client = client;
        _fallback = fallback;
        _logger = logger;
        _language = options.Language;
        _pipeline = AzureLanguageResilience.Build(options, timeProvider, logger);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Polarity>> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var answers = new Polarity[texts.Count];
        var pending = new List<PendingDocument>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            // Nothing to analyse: answer locally rather than spend a call (Azure rejects empty documents).
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                answers[i] = AzureLanguageMapper.Neutral;
            }
            else
            {
                pending.Add(new PendingDocument(i, DocumentBatcher.Prepare(texts[i])));
            }
        }

        var unanswered = new List<int>();
        foreach (var batch in DocumentBatcher.Batch(pending, _language))
        {
            await ScoreBatchAsync(batch, answers, unanswered, cancellationToken).ConfigureAwait(false);
        }

        if (unanswered.Count > 0)
        {
            await ScoreWithFallbackAsync(texts, unanswered, answers, cancellationToken).ConfigureAwait(false);
        }

        return answers;
    }

    private async Task ScoreBatchAsync(List<PendingDocument> batch, Polarity[] answers, List<int> unanswered, CancellationToken cancellationToken)
    {
        var documents = batch.ConvertAll(d => new InputDocument(DocumentBatcher.IdOf(d.Index), _language, d.Text));
        SentimentResults results;
        try
        {
            results = await _pipeline.ExecuteAsync(
                static (state, token) => state.Client.AnalyzeSentimentAsync(state.Documents, token),
                (Client: _client, Documents: documents),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is AzureLanguageRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException)
        {
            AzureLanguageLog.Unavailable(_logger, AzureLanguageLog.Describe(ex), batch.Count);
            unanswered.AddRange(batch.Select(d => d.Index));
            return;
        }
        catch (Exception ex)
        {
            // Network errors, and anything unforeseen: the contract is scores, not exceptions.
            AzureLanguageLog.Unreachable(_logger, ex, AzureLanguageLog.Describe(ex), batch.Count);
            unanswered.AddRange(batch.Select(d => d.Index));
            return;
        }

        Collect(batch, results, answers, unanswered);
    }

    /// <summary>
    /// Places Azure's answers by id (the response order is not the request order, PROTOCOLS.md §8);
    /// documents in <c>errors[]</c>, or missing, go to the fallback.
    /// </summary>
    private void Collect(List<PendingDocument> batch, SentimentResults results, Polarity[] answers, List<int> unanswered)
    {
        var scored = new Dictionary<string, Polarity>(StringComparer.Ordinal);
        foreach (var document in results.Documents ?? [])
        {
            if (document.Id is not null && AzureLanguageMapper.ToPolarity(document) is { } polarity)
            {
                scored[document.Id] = polarity;
            }
        }

        var rejected = 0;
        foreach (var document in batch)
        {
            if (scored.TryGetValue(DocumentBatcher.IdOf(document.Index), out var polarity))
            {
                answers[document.Index] = polarity;
            }
            else
            {
                unanswered.Add(document.Index);
                rejected++;
            }
        }

        if (rejected > 0)
        {
            var code = results.Errors?.FirstOrDefault()?.Error?.Code ?? "MissingDocument";
            AzureLanguageLog.DocumentsRejected(_logger, rejected, code);
        }
    }

    private async Task ScoreWithFallbackAsync(IReadOnlyList<string> texts, List<int> indices, Polarity[] answers, CancellationToken cancellationToken)
    {
        // The fallback gets the original texts: it has no 5,120-character limit.
        var fallbackTexts = indices.ConvertAll(i => texts[i]);
        var scores = await _fallback.ScoreAsync(fallbackTexts, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < indices.Count; i++)
        {
            answers[indices[i]] = i < scores.Count ? scores[i] : AzureLanguageMapper.Neutral;
        }
    }

    private static IAzureLanguageClient CreateClient(HttpClient httpClient, AzureLanguageOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ThrowIfInvalid(options);
        return new AzureLanguageClient(httpClient, options, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));
    }

    private static void ThrowIfInvalid(AzureLanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }
    }
}
