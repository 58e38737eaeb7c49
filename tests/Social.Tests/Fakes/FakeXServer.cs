using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Connectors.Social;

namespace SupportBot.Social.Tests.Fakes;

/// <summary>
/// X API v2 as documented (PROTOCOLS.md §6): <c>users/me</c>, mentions (newest first, <c>since_id</c>,
/// <c>max_results</c> 5…100, <c>pagination_token</c>/<c>meta.next_token</c>, fields only when asked),
/// <c>POST /2/tweets</c> (280 weighted, 403 duplicate content), DMs sent and read, the OAuth 2.0 token
/// endpoint with rotating refresh tokens (a used refresh token is void), OAuth 1.0a signature checks,
/// per-endpoint <c>x-rate-limit-*</c> headers with a Unix-seconds reset and 429 when spent.
/// </summary>
internal sealed class FakeXServer : FakeHttpServer
{
    public const string SelfId = "9000";
    public const string SelfUsername = "AlderFinch";
    public const string ClientId = "x-client";
    public const string ClientSecret = "x-client-secret";
    public const string ConsumerKey = "x-consumer";
    public const string ConsumerSecret = "x-consumer-secret";
    public const string AccessToken1 = "x-oauth1-token";
    public const string AccessTokenSecret = "x-oauth1-token-secret";

    private readonly TimeProvider _time;
    private readonly List<JsonObject> _mentions = [];
    private readonly List<JsonObject> _dms = [];
    private readonly Dictionary<string, (string Id, string Username, string Name)> _users = [];
    private readonly ConcurrentDictionary<string, FakeRateLimit> _limits = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly object _gate = new();
    private long _nextId = 1_800_000_000_000_000_000;
    private int _generation;

    private FakeXServer(TimeProvider time, int tokenLifetimeSeconds)
    {
        _time = time;
        TokenLifetimeSeconds = tokenLifetimeSeconds;
        ValidRefreshToken = "refresh-0";
        LimitFactory = _ => new FakeRateLimit(450, TimeSpan.FromMinutes(15), time);
    }

    public int TokenLifetimeSeconds { get; set; }

    /// <summary>The one refresh token that works now (each refresh voids it and issues the next).</summary>
    public string ValidRefreshToken { get; private set; }

    /// <summary>Access tokens issued, in order, and the request index of each one's first use.</summary>
    public ConcurrentDictionary<string, int> FirstUse { get; } = new();

    public List<string> IssuedAccessTokens { get; } = [];

    /// <summary>Called with each access token the first time a request carries it (before it is answered).</summary>
    public Func<string, Task>? OnFirstUseAsync { get; set; }

    public int Refreshes => _generation;

    /// <summary>Requests refused for a bad or missing credential.</summary>
    public int Unauthorized { get; private set; }

    public ConcurrentQueue<(string Id, string Text, string? InReplyTo)> Posts { get; } = new();

    public ConcurrentQueue<(string EventId, string ParticipantId, string Text)> SentDms { get; } = new();

    /// <summary>Per-endpoint limits (default 450 / 15 min); set before requests to shrink one.</summary>
    public Func<string, FakeRateLimit> LimitFactory { get; set; }

    /// <summary>How long each post takes to answer (a slow platform), so a restart can land in the middle of a burst.</summary>
    public TimeSpan PostDelay { get; set; }

    public static async Task<FakeXServer> StartAsync(TimeProvider? time = null, int tokenLifetimeSeconds = 7200)
    {
        var server = new FakeXServer(time ?? TimeProvider.System, tokenLifetimeSeconds);
        await server.StartServerAsync();
        return server;
    }

    public FakeRateLimit LimitOf(string bucket) => _limits.GetOrAdd(bucket, LimitFactory);

    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>Voids every access token issued so far (a revocation): the next request gets 401.</summary>
    public void RevokeAccessTokens()
    {
        lock (_gate)
        {
            IssuedAccessTokens.Add("revoked-" + IssuedAccessTokens.Count);
        }
    }

    public string AddMention(string authorId, string username, string text, string? name = null)
    {
        lock (_gate)
        {
            _users[authorId] = (authorId, username, name ?? username);
            var id = NextId();
            _mentions.Add(new JsonObject
            {
                ["id"] = id,
                ["text"] = text,
                ["author_id"] = authorId,
                ["conversation_id"] = id,
                ["created_at"] = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            });
            return id;
        }
    }

    public string AddDirectMessage(string senderId, string username, string text)
    {
        lock (_gate)
        {
            _users[senderId] = (senderId, username, username);
            var id = NextId();
            _dms.Add(Dm(id, senderId, $"{SelfId}-{senderId}", text));
            return id;
        }
    }

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var at = _time.GetUtcNow();
            var bucket = BucketOf(context.Request);
            int index;
            lock (Requests)
            {
                index = Requests.Count;
            }

            if (context.Request.Path == "/2/oauth2/token")
            {
                await next(context);
            }
            else
            {
                var (remaining, reset, allowed) = LimitOf(bucket).Take();
                context.Response.Headers["x-rate-limit-limit"] = LimitOf(bucket).Limit.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["x-rate-limit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                // Unix seconds, rounded up: a client waiting until this moment is never early.
                context.Response.Headers["x-rate-limit-reset"] = ((reset.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond - DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);
                if (!allowed)
                {
                    await Problem(context, 429, "Too Many Requests", "Too Many Requests");
                }
                else if (!await AuthorizedAsync(context, index))
                {
                    Unauthorized++;
                    await Problem(context, 401, "Unauthorized", "Unauthorized");
                }
                else if (_failures.TryDequeue(out var failure))
                {
                    await Problem(context, failure, "Service Unavailable", "Service Unavailable");
                }
                else
                {
                    await next(context);
                }
            }

            Record(context.Request.Method, context.Request.Path + context.Request.QueryString, at, context.Response.StatusCode);
        });
        app.MapPost("/2/oauth2/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        app.MapGet("/2/users/me", () => Results.Json(new { data = new { id = SelfId, username = SelfUsername, name = "Alder & Finch" } }));
        app.MapGet("/2/users/{id}/mentions", (string id, HttpContext context) => Mentions(id, context));
        app.MapPost("/2/tweets", (Func<HttpContext, Task<IResult>>)PostAsync);
        app.MapPost("/2/dm_conversations/with/{id}/messages", (string id, HttpContext context) => SendDmAsync(id, context));
        app.MapGet("/2/dm_events", (HttpContext context) => DmEvents(context));
    }

    private IResult Mentions(string id, HttpContext context)
    {
        var query = context.Request.Query;
        if (id != SelfId)
        {
            return Results.Json(new { title = "Not Found Error", detail = "Could not find user", status = 404 }, statusCode: 404);
        }

        var max = int.TryParse(query["max_results"], out var m) ? m : 10;
        if (max is < 5 or > 100)
        {
            return Results.Json(new { title = "Invalid Request", detail = "The `max_results` query parameter value is not between 5 and 100", status = 400 }, statusCode: 400);
        }

        var since = query["since_id"].ToString();
        List<JsonObject> matching;
        lock (_gate)
        {
            matching = _mentions.Where(t => since.Length == 0 || PostIds.Compare((string)t["id"]!, since) > 0)
                .OrderByDescending(t => (string)t["id"]!, Comparer<string>.Create(PostIds.Compare)).ToList();
        }

        // Only the newest 800 are reachable (§6).
        matching = matching.Take(800).ToList();
        var offset = query["pagination_token"].ToString() is { Length: > 1 } token ? int.Parse(token[1..], CultureInfo.InvariantCulture) : 0;
        var page = matching.Skip(offset).Take(max).ToList();
        var fields = (query["tweet.fields"].ToString() + "," + query["post.fields"]).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var data = new JsonArray([.. page.Select(t => Project(t, fields))]);
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (page.Count > 0)
        {
            meta["newest_id"] = (string)page[0]["id"]!;
            meta["oldest_id"] = (string)page[^1]["id"]!;
        }

        if (offset + max < matching.Count)
        {
            meta["next_token"] = "p" + (offset + max).ToString(CultureInfo.InvariantCulture);
        }

        var body = new JsonObject { ["meta"] = meta };
        if (page.Count > 0)
        {
            body["data"] = data;
            if (query["expansions"].ToString().Contains("author_id", StringComparison.Ordinal))
            {
                body["includes"] = new JsonObject { ["users"] = Users(page.Select(t => (string)t["author_id"]!)) };
            }
        }

        return Results.Content(body.ToJsonString(), "application/json");
    }

    private IResult DmEvents(HttpContext context)
    {
        var query = context.Request.Query;
        var max = int.TryParse(query["max_results"], out var m) ? m : 100;
        List<JsonObject> all;
        lock (_gate)
        {
            all = _dms.OrderByDescending(e => (string)e["id"]!, Comparer<string>.Create(PostIds.Compare)).ToList();
        }

        var offset = query["pagination_token"].ToString() is { Length: > 1 } token ? int.Parse(token[1..], CultureInfo.InvariantCulture) : 0;
        var page = all.Skip(offset).Take(max).ToList();
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (offset + max < all.Count)
        {
            meta["next_token"] = "p" + (offset + max).ToString(CultureInfo.InvariantCulture);
        }

        var body = new JsonObject { ["meta"] = meta };
        if (page.Count > 0)
        {
            body["data"] = new JsonArray([.. page.Select(e => e.DeepClone())]);
            body["includes"] = new JsonObject { ["users"] = Users(page.Select(e => (string)e["sender_id"]!)) };
        }

        return Results.Content(body.ToJsonString(), "application/json");
    }

    private async Task<IResult> PostAsync(HttpContext context)
    {
        if (PostDelay > TimeSpan.Zero)
        {
            await Task.Delay(PostDelay);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var text = (string?)body?["text"];
        if (string.IsNullOrEmpty(text) || SocialTextLength.X(text) > 280)
        {
            return Results.Json(new { title = "Invalid Request", detail = "One or more parameters to your request was invalid.", errors = new[] { new { message = "text is too long or empty" } }, status = 400 }, statusCode: 400);
        }

        if (Posts.Any(p => p.Text == text))
        {
            return Results.Json(new { title = "Forbidden", detail = "You are not allowed to create a Tweet with duplicate content.", type = "about:blank", status = 403 }, statusCode: 403);
        }

        string id;
        lock (_gate)
        {
            id = NextId();
        }

        Posts.Enqueue((id, text, (string?)body?["reply"]?["in_reply_to_tweet_id"]));
        return Results.Json(new { data = new { id, text } }, statusCode: 201);
    }

    private async Task<IResult> SendDmAsync(string participantId, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var text = (string?)body?["text"];
        if (string.IsNullOrEmpty(text) || text.Length > 10_000)
        {
            return Results.Json(new { title = "Invalid Request", detail = "text is empty or too long", status = 400 }, statusCode: 400);
        }

        string id;
        var conversation = $"{SelfId}-{participantId}";
        lock (_gate)
        {
            id = NextId();
            // Our own messages show up in dm_events too; the client must skip them.
            _dms.Add(Dm(id, SelfId, conversation, text));
        }

        SentDms.Enqueue((id, participantId, text));
        return Results.Json(new { data = new { dm_conversation_id = conversation, dm_event_id = id } }, statusCode: 201);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (context.Request.Headers.Authorization.ToString() != "Basic " + basic || form["client_id"] != ClientId)
        {
            return Results.Json(new { error = "unauthorized_client", error_description = "Missing valid authorization header" }, statusCode: 401);
        }

        lock (_gate)
        {
            if (form["grant_type"] != "refresh_token" || form["refresh_token"] != ValidRefreshToken)
            {
                return Results.Json(new { error = "invalid_request", error_description = "Value passed for the token was invalid." }, statusCode: 400);
            }

            _generation++;
            ValidRefreshToken = $"refresh-{_generation}";
            var access = $"access-{_generation}";
            IssuedAccessTokens.Add(access);
            return Results.Json(new { token_type = "bearer", expires_in = TokenLifetimeSeconds, access_token = access, scope = "tweet.read tweet.write users.read dm.read dm.write offline.access", refresh_token = ValidRefreshToken });
        }
    }

    private async Task<bool> AuthorizedAsync(HttpContext context, int index)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var token = header[7..];
            lock (_gate)
            {
                // Only the newest access token is valid, and only for its lifetime.
                if (IssuedAccessTokens.Count == 0 || IssuedAccessTokens[^1] != token)
                {
                    return false;
                }
            }

            if (FirstUse.TryAdd(token, index) && OnFirstUseAsync is { } onFirstUse)
            {
                await onFirstUse(token);
            }

            return true;
        }

        if (header.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            var parameters = header[6..].Split(',').Select(p => p.Trim().Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Trim('"')));
            if (parameters.GetValueOrDefault("oauth_consumer_key") != ConsumerKey || parameters.GetValueOrDefault("oauth_token") != AccessToken1)
            {
                return false;
            }

            var signed = parameters.Where(p => p.Key != "oauth_signature")
                .Concat(context.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))));
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync();
                signed = signed.Concat(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))));
            }

            var uri = new Uri($"{Url.Scheme}://{context.Request.Host}{context.Request.Path}");
            var expected = Connectors.X.Auth.OAuth1Signer.Sign(new HttpMethod(context.Request.Method), uri, signed, ConsumerSecret, AccessTokenSecret);
            return expected == parameters.GetValueOrDefault("oauth_signature");
        }

        return false;
    }

    private JsonArray Users(IEnumerable<string> ids)
    {
        lock (_gate)
        {
            return new JsonArray([.. ids.Distinct().Where(_users.ContainsKey).Select(id => (JsonNode)new JsonObject { ["id"] = id, ["username"] = _users[id].Username, ["name"] = _users[id].Name })]);
        }
    }

    private static JsonObject Project(JsonObject tweet, string[] fields)
    {
        // Without tweet.fields a post carries only id and text (§6).
        var result = new JsonObject { ["id"] = tweet["id"]!.DeepClone(), ["text"] = tweet["text"]!.DeepClone() };
        foreach (var field in fields.Where(f => tweet.ContainsKey(f) && f is not ("id" or "text")))
        {
            result[field] = tweet[field]!.DeepClone();
        }

        return result;
    }

    private JsonObject Dm(string id, string senderId, string conversationId, string text) => new()
    {
        ["id"] = id,
        ["event_type"] = "MessageCreate",
        ["text"] = text,
        ["sender_id"] = senderId,
        ["dm_conversation_id"] = conversationId,
        ["created_at"] = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

    private string NextId() => (_nextId += 4096 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);

    private static string BucketOf(HttpRequest request) =>
        request.Method + " " + string.Join('/', request.Path.Value!.Split('/').Select(s => s.Length > 1 && s.All(char.IsAsciiDigit) ? ":id" : s));

    private static Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { title, detail, type = "about:blank", status });
    }
}
