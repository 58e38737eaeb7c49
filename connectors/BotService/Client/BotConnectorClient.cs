using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Client;

/// <summary>
/// The Bot Connector REST API v3 (PROTOCOLS.md §3) at a channel's service URL: send, reply, create a
/// conversation (a new thread in a Teams channel), update and delete. Every call carries the bot's token
/// (none in unauthenticated mode), goes only to service URLs <see cref="ServiceUrlPolicy"/> allows, keeps
/// to Teams' per-conversation limits, and is retried on 429 (after <c>Retry-After</c>), 412 and 5xx with
/// jittered exponential backoff. A call that still fails throws <see cref="BotConnectorException"/>.
/// </summary>
public sealed class BotConnectorClient
{
    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetryAttempts = 3;

    /// <summary>The longest <c>Retry-After</c> waited for inside a call; longer ones fail the call (the outbox retries later).</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly ResiliencePropertyKey<string> OperationKey = new("operation");

    private readonly BotServiceHttp _http;
    private readonly IBotConnectorTokenProvider _tokens;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly TeamsSendLimiter _teamsLimiter;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly TimeProvider _timeProvider;

    internal BotConnectorClient(
        BotServiceHttp http,
        IBotConnectorTokenProvider tokens,
        ServiceUrlPolicy serviceUrls,
        TeamsSendLimiter teamsLimiter,
        TimeProvider timeProvider,
        ILogger<BotConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _serviceUrls = serviceUrls;
        _teamsLimiter = teamsLimiter;
        _logger = logger;
        _timeProvider = timeProvider;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    BotServiceLog.Retrying(_logger, (int?)args.Outcome.Result?.StatusCode ?? 0,
                        args.Context.Properties.GetValue(OperationKey, "call"), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>: a new message in the conversation.</summary>
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default, byte[]? json = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, ActivitiesPath(conversationId, null), activity, json, "send", cancellationToken);
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{activityId}</c>: a reply (in Teams: in that message's thread).</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default, byte[]? json = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, ActivitiesPath(conversationId, activityId), activity, json, "reply", cancellationToken);
    }

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replaces a message the bot sent (e.g. a refreshed card).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default, byte[]? json = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Put, serviceUrl, conversationId, ActivitiesPath(conversationId, activityId), activity, json, "update", cancellationToken);
    }

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var uri = Resolve(serviceUrl, ActivitiesPath(conversationId, activityId));
        using var response = await SendAsync(HttpMethod.Delete, uri, null, "delete", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /v3/conversations</c>: starts a conversation — in Teams, a new thread in a channel
    /// (<c>IsGroup</c>, <c>ChannelData.channel.id</c>, <c>TenantId</c>, the first message as <c>Activity</c>).
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = Resolve(serviceUrl, "v3/conversations");
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, BotServiceJsonContext.Default.ConversationParameters);
        using var response = await SendAsync(HttpMethod.Post, uri, body, "create conversation", cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, BotServiceJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ConversationResourceResponse();
    }

    // json: the activity already serialised (as the outbox stored it), so a fresh reply is not serialised twice.
    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, string serviceUrl, string conversationId, string path, Activity activity, byte[]? json, string operation, CancellationToken cancellationToken)
    {
        var uri = Resolve(serviceUrl, path);
        if (activity.ChannelId == TeamsChannelId)
        {
            await _teamsLimiter.WaitAsync(conversationId, delay => BotServiceLog.Throttled(_logger, delay), cancellationToken).ConfigureAwait(false);
        }

        var body = json ?? JsonSerializer.SerializeToUtf8Bytes(activity, CoreJsonContext.Default.Activity);
        using var response = await SendAsync(method, uri, body, operation, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, BotServiceJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(activity.Id ?? string.Empty);
    }

    /// <summary>The channel id whose per-conversation limits the client keeps.</summary>
    public const string TeamsChannelId = "msteams";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, byte[]? body, string operation, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                static async (ctx, state) =>
                {
                    // A request message can be sent once: each attempt gets its own around the same bytes.
                    using var request = new HttpRequestMessage(state.method, state.uri);
                    if (state.body is not null)
                    {
                        request.Content = new ByteArrayContent(state.body) { Headers = { ContentType = JsonContentType } };
                    }

                    if (state.token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.token);
                    }

                    return await state.client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (method, uri, body, token, client: _http.Client)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                _tokens.Invalidate();
            }

            var error = await ReadAsync(response, BotServiceJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
            throw new BotConnectorException(response.StatusCode, error?.Error?.Code ?? response.StatusCode.ToString(),
                $"The Bot Connector answered {(int)response.StatusCode} to {operation}{(error?.Error?.Message is { } m ? ": " + m : ".")}");
        }
    }

    private Uri Resolve(string serviceUrl, string path)
    {
        if (!_serviceUrls.IsAllowed(serviceUrl))
        {
            BotServiceLog.ServiceUrlRefused(_logger, serviceUrl ?? string.Empty);
            throw new ServiceUrlNotAllowedException(serviceUrl);
        }

        return new Uri(serviceUrl.EndsWith('/') ? serviceUrl + path : serviceUrl + "/" + path);
    }

    private static string ActivitiesPath(string conversationId, string? activityId) => activityId is null
        ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
        : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // The call did what it should; an unreadable answer body only costs the id.
            return default;
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            // Connection failures and per-attempt timeouts (HttpClient's own, not the caller's cancellation).
            return outcome.Exception is HttpRequestException
                || (outcome.Exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var retryable = status is 429 or 412 or 408 || status >= 500;
        return retryable && (RetryAfter(response) is not { } wait || wait <= MaxRetryDelay);
    }

    /// <summary>The server's <c>Retry-After</c> (seconds or a date), or null to use the backoff.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
