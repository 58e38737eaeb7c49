using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Schema;

namespace SupportBot.BotService.Tests.Infrastructure;

/// <summary>
/// A local stand-in for a Bot Connector service (PROTOCOLS.md §3) on 127.0.0.1 and a free port: it answers
/// the v3 conversation API and the OAuth token endpoint as Azure documents them and records every call the
/// bot makes (method, path, bearer token, body). Tests make it fail on purpose with <see cref="FailNext"/>.
/// Use <see cref="ServiceUrl"/> as the activities' serviceUrl and <see cref="TokenEndpoint"/> as
/// BotFramework:OAuthTokenEndpoint.
/// </summary>
public sealed class BotConnectorTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<CannedFailure> _failures = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _ids;
    private int _tokens;

    private BotConnectorTestServer(WebApplication app) => _app = app;

    /// <summary>The base URL to put in activities' serviceUrl (ends with '/').</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>The client-credentials token endpoint (<c>…/botframework.com/oauth2/v2.0/token</c>).</summary>
    public string TokenEndpoint => ServiceUrl + "botframework.com/oauth2/v2.0/token";

    /// <summary>The managed identity (IMDS) token endpoint, for BotFramework:ManagedIdentityEndpoint.</summary>
    public string ManagedIdentityEndpoint => ServiceUrl + "metadata/identity/oauth2/token";

    /// <summary>How long the tokens it issues live, in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>The activities the bot posted (sends, replies, updates, and the first activity of created conversations).</summary>
    public IReadOnlyList<RecordedCall> ActivityCalls => [.. _calls.Where(c => c.Activity is not null)];

    public static async Task<BotConnectorTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BotConnectorTestServer(app);
        app.MapPost("/v3/conversations", (HttpRequest r) => server.CreateConversationAsync(r.HttpContext));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => server.ActivityAsync(c, "send", conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => server.ActivityAsync(c, "reply", conversationId, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => server.ActivityAsync(c, "update", conversationId, activityId));
        app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => server.ActivityAsync(c, "delete", conversationId, activityId));
        app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpRequest r) => server.TokenAsync(r.HttpContext));
        app.MapGet("/metadata/identity/oauth2/token", (HttpRequest r) => server.ManagedIdentityToken(r.HttpContext));
        await app.StartAsync();
        server.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return server;
    }

    /// <summary>The next call answers <paramref name="statusCode"/> (with <c>Retry-After</c> when given) instead of succeeding.</summary>
    public void FailNext(int statusCode, TimeSpan? retryAfter = null, string errorCode = "ServiceError") =>
        _failures.Enqueue(new CannedFailure(statusCode, retryAfter, errorCode));

    /// <summary>Waits until at least <paramref name="count"/> calls match <paramref name="predicate"/>; generous timeout for a loaded machine.</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForAsync(Func<RecordedCall, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var matching = _calls.Where(predicate).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} matching calls to the Bot Connector; got {matching.Count}. All calls: {string.Join(", ", _calls.Select(c => c.Method + " " + c.Path))}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    private async Task<IResult> ActivityAsync(HttpContext context, string operation, string conversationId, string? activityId)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var activity = body.Length == 0 ? null : ActivityJson.Deserialize(body);
        var failure = Record(context, operation, conversationId, activityId, activity, body);
        if (failure is not null)
        {
            return failure;
        }

        return operation == "delete"
            ? Results.Ok()
            : Results.Json(new ResourceResponse(operation == "update" ? activityId! : "sent-" + Interlocked.Increment(ref _ids)), CoreJsonContext.Default.ResourceResponse);
    }

    private async Task<IResult> CreateConversationAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        using var json = JsonDocument.Parse(body);
        Activity? first = json.RootElement.TryGetProperty("activity", out var a) ? a.Deserialize(CoreJsonContext.Default.Activity) : null;
        var failure = Record(context, "create", null, null, first, body);
        if (failure is not null)
        {
            return failure;
        }

        var id = Interlocked.Increment(ref _ids);
        return Results.Json(new Dictionary<string, string>
        {
            ["id"] = $"19:thread{id}@thread.tacv2;messageid=m{id}",
            ["activityId"] = "m" + id,
            ["serviceUrl"] = ServiceUrl,
        });
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        var failure = Record(context, "token", null, null, null, string.Join('&', fields.Select(f => f.Key + "=" + f.Value)), fields);
        if (failure is not null)
        {
            return failure;
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["access_token"] = "connector-token-" + Interlocked.Increment(ref _tokens),
        });
    }

    private IResult ManagedIdentityToken(HttpContext context)
    {
        // IMDS answers expires_in as a string; the query and the Metadata header are what it checks.
        var fields = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        fields["Metadata"] = context.Request.Headers["Metadata"].ToString();
        var failure = Record(context, "msi", null, null, null, context.Request.QueryString.Value ?? string.Empty, fields);
        if (failure is not null)
        {
            return failure;
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = context.Request.Query["resource"].ToString(),
            ["access_token"] = "msi-token-" + Interlocked.Increment(ref _tokens),
        });
    }

    private IResult? Record(HttpContext context, string operation, string? conversationId, string? activityId, Activity? activity, string body, IReadOnlyDictionary<string, string>? form = null)
    {
        string? authorization = context.Request.Headers.Authorization;
        _calls.Enqueue(new RecordedCall(operation, context.Request.Method, context.Request.Path.Value ?? string.Empty, conversationId, activityId, authorization, activity, body, form ?? new Dictionary<string, string>(), DateTimeOffset.UtcNow));
        _arrived.Release();
        if (!_failures.TryDequeue(out var failure))
        {
            return null;
        }

        if (failure.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(ErrorResponse.Of(failure.ErrorCode, "Canned failure from the test server."), CoreJsonContext.Default.ErrorResponse, statusCode: failure.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private sealed record CannedFailure(int StatusCode, TimeSpan? RetryAfter, string ErrorCode);
}

/// <summary>One call the bot made to the Bot Connector test server: <c>Operation</c> is send, reply, update, delete, create, token or msi.</summary>
public sealed record RecordedCall(
    string Operation,
    string Method,
    string Path,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    Activity? Activity,
    string Body,
    IReadOnlyDictionary<string, string> Form,
    DateTimeOffset ReceivedAt);
