using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SupportBot.Core.Sentiment.AzureLanguage.Client;

/// <summary>
/// The REST call of PROTOCOLS.md §8 over a caller-owned <see cref="HttpClient"/>: one attempt, one
/// request. The subscription key goes into the header only; it never reaches a log or an exception.
/// </summary>
internal sealed class AzureLanguageClient : IAzureLanguageClient
{
    internal const string KeyHeader = "Ocp-Apim-Subscription-Key";

    private readonly HttpClient _httpClient;
    private readonly Uri _requestUri;
    private readonly string _key;
    private readonly TimeProvider _timeProvider;

    public AzureLanguageClient(HttpClient httpClient, AzureLanguageOptions options, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _key = options.Key;
        _timeProvider = timeProvider;
        _requestUri = BuildRequestUri(options.Endpoint, options.ApiVersion);
    }

    /// <summary><c>{endpoint}/language/:analyze-text?api-version=…</c>; a trailing slash on the endpoint is fine.</summary>
    internal static Uri BuildRequestUri(string endpoint, string apiVersion) =>
        new($"{endpoint.TrimEnd('/')}/language/:analyze-text?api-version={Uri.EscapeDataString(apiVersion)}", UriKind.Absolute);

    public async ValueTask<SentimentResults> AnalyzeSentimentAsync(IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken = default)
    {
        var body = new AnalyzeTextRequest(
            AnalyzeTextRequest.SentimentAnalysisKind,
            new SentimentParameters(OpinionMining: true, SentimentParameters.Utf16CodeUnit),
            new AnalysisInput(documents));

        using var request = new HttpRequestMessage(HttpMethod.Post, _requestUri)
        {
            Content = JsonContent.Create(body, AzureLanguageJsonContext.Default.AnalyzeTextRequest),
        };
        request.Headers.TryAddWithoutValidation(KeyHeader, _key);

        using var response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            var errorCode = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
            throw new AzureLanguageRequestException(response.StatusCode, errorCode, ReadRetryAfter(response, _timeProvider.GetUtcNow()));
        }

        AnalyzeTextResponse? answer;
        try
        {
            answer = await response.Content
                .ReadFromJsonAsync(AzureLanguageJsonContext.Default.AnalyzeTextResponse, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException)
        {
            answer = null;
        }

        return answer?.Results ?? throw new AzureLanguageRequestException(response.StatusCode, "MalformedResponse", retryAfter: null);
    }

    /// <summary>
    /// The wait the service asked for on 429/503: <c>retry-after-ms</c> or <c>x-ms-retry-after-ms</c>
    /// (milliseconds, the finer one Azure sends), else <c>Retry-After</c> (seconds or an HTTP date).
    /// </summary>
    internal static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        foreach (var name in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The error body is informative only; an unreadable one must not hide the status.
        try
        {
            var error = await response.Content
                .ReadFromJsonAsync(AzureLanguageJsonContext.Default.ErrorResponse, cancellationToken)
                .ConfigureAwait(false);
            return error?.Error?.Code;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            return null;
        }
    }
}
