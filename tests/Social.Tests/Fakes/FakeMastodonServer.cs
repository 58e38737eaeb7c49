using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Social.Tests.Fakes;

/// <summary>
/// A Mastodon instance as documented (PROTOCOLS.md §7): <c>verify_credentials</c>, mention notifications
/// with <c>min_id</c>/<c>since_id</c>/<c>max_id</c> paging (newest first, <c>Link</c> header), <c>POST
/// /api/v1/statuses</c> with <c>Idempotency-Key</c> and the 500-character limit, bearer auth, and the
/// <c>X-RateLimit-*</c> headers with an ISO-8601 reset (429 when spent). Notification and status ids are
/// separate series. Failures can be queued (e.g. 503 for the next request).
/// </summary>
internal sealed class FakeMastodonServer : FakeHttpServer
{
    public const string Token = "mastodon-test-token";
    public const string SelfId = "1";
    public const string SelfAcct = "alderfinch";

    private readonly TimeProvider _time;
    private readonly List<JsonObject> _notifications = [];
    private readonly ConcurrentDictionary<string, JsonObject> _byIdempotencyKey = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private long _nextNotification = 5000;
    private long _nextStatus = 109_000_000_000;

    private FakeMastodonServer(TimeProvider time, int rateLimit, TimeSpan window)
    {
        _time = time;
        RateLimit = new FakeRateLimit(rateLimit, window, time);
    }

    public FakeRateLimit RateLimit { get; }

    /// <summary>Statuses posted through the API, in order.</summary>
    public ConcurrentQueue<PostedStatus> Posted { get; } = new();

    /// <summary>How long each post takes to answer (a slow platform), so a restart can land in the middle of a burst.</summary>
    public TimeSpan PostDelay { get; set; }

    public static async Task<FakeMastodonServer> StartAsync(TimeProvider? time = null, int rateLimit = 300, TimeSpan? window = null)
    {
        var server = new FakeMastodonServer(time ?? TimeProvider.System, rateLimit, window ?? TimeSpan.FromMinutes(5));
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Makes the next requests fail with these status codes, in order.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>A customer mentions the brand; answers the notification id and the status id.</summary>
    public (string NotificationId, string StatusId) AddMention(string accountId, string acct, string html, string visibility = "public", string? displayName = null)
    {
        lock (_notifications)
        {
            var notificationId = (++_nextNotification).ToString(CultureInfo.InvariantCulture);
            var statusId = (_nextStatus += 7).ToString(CultureInfo.InvariantCulture);
            var account = Account(accountId, acct, displayName ?? acct.Split('@')[0]);
            var status = new JsonObject
            {
                ["id"] = statusId,
                ["created_at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["in_reply_to_id"] = null,
                ["visibility"] = visibility,
                ["content"] = html,
                ["url"] = $"https://social.example/@{acct}/{statusId}",
                ["account"] = account.DeepClone(),
                ["mentions"] = new JsonArray(new JsonObject { ["id"] = SelfId, ["username"] = SelfAcct, ["acct"] = SelfAcct }),
            };
            _notifications.Add(new JsonObject
            {
                ["id"] = notificationId,
                ["type"] = "mention",
                ["created_at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["account"] = account,
                ["status"] = status,
            });
            return (notificationId, statusId);
        }
    }

    /// <summary>A notification of another type (a favourite), which the connector must skip.</summary>
    public void AddFavourite(string accountId, string acct)
    {
        lock (_notifications)
        {
            _notifications.Add(new JsonObject
            {
                ["id"] = (++_nextNotification).ToString(CultureInfo.InvariantCulture),
                ["type"] = "favourite",
                ["created_at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["account"] = Account(accountId, acct, acct),
            });
        }
    }

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var at = _time.GetUtcNow();
            var (remaining, reset, allowed) = RateLimit.Take();
            context.Response.Headers["X-RateLimit-Limit"] = RateLimit.Limit.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            // Milliseconds, rounded up so that the reset a client reads is never before the real one.
            var shown = new DateTimeOffset((reset.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            context.Response.Headers["X-RateLimit-Reset"] = shown.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            if (!allowed)
            {
                await Error(context, 429, "Too many requests");
            }
            else if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                await Error(context, 401, "The access token is invalid");
            }
            else if (_failures.TryDequeue(out var failure))
            {
                await Error(context, failure, "Service unavailable");
            }
            else
            {
                await next(context);
            }

            Record(context.Request.Method, context.Request.Path + context.Request.QueryString, at, context.Response.StatusCode);
        });
        app.MapGet("/api/v1/accounts/verify_credentials", () => Results.Json(Account(SelfId, SelfAcct, "Alder & Finch")));
        app.MapGet("/api/v1/notifications", (HttpContext context) => Notifications(context));
        app.MapPost("/api/v1/statuses", (Func<HttpContext, Task<IResult>>)PostStatusAsync);
    }

    private IResult Notifications(HttpContext context)
    {
        var query = context.Request.Query;
        var types = query["types[]"].ToArray();
        var limit = Math.Clamp(int.TryParse(query["limit"], out var l) ? l : 40, 1, 80);
        List<JsonObject> matching;
        lock (_notifications)
        {
            matching = _notifications
                .Where(n => types.Length == 0 || types.Contains((string?)n["type"]))
                .Where(n => query["max_id"].ToString() is not { Length: > 0 } max || Id(n) < long.Parse(max, CultureInfo.InvariantCulture))
                .ToList();
        }

        IEnumerable<JsonObject> page;
        if (query["min_id"].ToString() is { Length: > 0 } min)
        {
            // The page right after min_id: the oldest ones after it.
            page = matching.Where(n => Id(n) > long.Parse(min, CultureInfo.InvariantCulture)).OrderBy(Id).Take(limit);
        }
        else
        {
            // since_id (or nothing): the newest page, after since_id.
            var since = query["since_id"].ToString() is { Length: > 0 } s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
            page = matching.Where(n => Id(n) > since).OrderByDescending(Id).Take(limit);
        }

        var result = page.OrderByDescending(Id).Select(n => n.DeepClone()).ToList();
        if (result.Count > 0)
        {
            var baseUrl = $"{Url.AbsoluteUri.TrimEnd('/')}/api/v1/notifications?types[]=mention&limit={limit}";
            context.Response.Headers.Link = $"<{baseUrl}&max_id={result[^1]!["id"]}>; rel=\"next\", <{baseUrl}&min_id={result[0]!["id"]}>; rel=\"prev\"";
        }

        return Results.Content(new JsonArray([.. result]).ToJsonString(), "application/json");
    }

    private async Task<IResult> PostStatusAsync(HttpContext context)
    {
        if (PostDelay > TimeSpan.Zero)
        {
            await Task.Delay(PostDelay);
        }

        string? text, visibility, inReplyTo;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            (text, visibility, inReplyTo) = (form["status"], form["visibility"], form["in_reply_to_id"]);
        }
        else
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            (text, visibility, inReplyTo) = ((string?)body?["status"], (string?)body?["visibility"], (string?)body?["in_reply_to_id"]);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Results.Json(new { error = "Validation failed: Text can't be blank" }, statusCode: 422);
        }

        if (Connectors.Social.SocialTextLength.Mastodon(text) > 500)
        {
            return Results.Json(new { error = "Validation failed: Text character limit of 500 exceeded" }, statusCode: 422);
        }

        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _byIdempotencyKey.TryGetValue(key, out var earlier))
        {
            return Results.Content(earlier.ToJsonString(), "application/json");
        }

        string id;
        lock (_notifications)
        {
            id = (_nextStatus += 7).ToString(CultureInfo.InvariantCulture);
        }

        var status = new JsonObject
        {
            ["id"] = id,
            ["created_at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["in_reply_to_id"] = inReplyTo,
            ["visibility"] = visibility ?? "public",
            ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
            ["account"] = Account(SelfId, SelfAcct, "Alder & Finch"),
        };
        if (key.Length > 0 && !_byIdempotencyKey.TryAdd(key, status))
        {
            return Results.Content(_byIdempotencyKey[key].ToJsonString(), "application/json");
        }

        Posted.Enqueue(new PostedStatus(id, text, visibility ?? "public", inReplyTo, key.Length > 0 ? key : null));
        return Results.Content(status.ToJsonString(), "application/json");
    }

    private static JsonObject Account(string id, string acct, string displayName) => new()
    {
        ["id"] = id,
        ["username"] = acct.Split('@')[0],
        ["acct"] = acct,
        ["display_name"] = displayName,
        ["url"] = $"https://social.example/@{acct}",
    };

    private static long Id(JsonObject notification) => long.Parse((string)notification["id"]!, CultureInfo.InvariantCulture);

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}

/// <summary>A status the bot posted.</summary>
internal sealed record PostedStatus(string Id, string Text, string Visibility, string? InReplyToId, string? IdempotencyKey);
