using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>
/// Per-IP and per-token request limits for every Direct Line endpoint (fixed one-minute windows). Over a
/// limit: 429 with <c>Retry-After</c> and the JSON error body. A token's limit is kept per conversation, so
/// refreshing a token does not reset it. The client IP is the forwarded one behind a known proxy.
/// </summary>
internal sealed class DirectLineRateLimiter : IEndpointFilter, IDisposable
{
    public const string TooManyRequests = "TooManyRequests";

    private readonly DirectLineTokens _tokens;
    private readonly ILogger _logger;
    private readonly PartitionedRateLimiter<string>? _perIp;
    private readonly PartitionedRateLimiter<string>? _perToken;

    public DirectLineRateLimiter(DirectLineTokens tokens, IOptions<DirectLineOptions> options, ILoggerFactory loggerFactory)
    {
        _tokens = tokens;
        _logger = loggerFactory.CreateLogger(DirectLineLog.Category);
        _perIp = Limiter(options.Value.RateLimitPerIpPerMinute);
        _perToken = Limiter(options.Value.RateLimitPerTokenPerMinute);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (_perIp is not null)
        {
            using var lease = _perIp.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (!lease.IsAcquired)
            {
                return Reject(http, lease, "per IP");
            }
        }

        if (_perToken is not null
            && DirectLineHttp.CredentialOf(http.Request, allowQuery: true) is { } credential
            && await _tokens.ReadAsync(credential, http.RequestAborted).ConfigureAwait(false) is { } token)
        {
            using var lease = _perToken.AttemptAcquire(token.ConversationId);
            if (!lease.IsAcquired)
            {
                return Reject(http, lease, "per token");
            }
        }

        return await next(context).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _perIp?.Dispose();
        _perToken?.Dispose();
    }

    private IResult Reject(HttpContext http, RateLimitLease lease, string limit)
    {
        DirectLineLog.RateLimited(_logger, limit);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return DirectLineHttp.Error(http, StatusCodes.Status429TooManyRequests, TooManyRequests, $"Too many requests ({limit}); retry later.");
    }

    private static PartitionedRateLimiter<string>? Limiter(int perMinute) => perMinute <= 0
        ? null
        : PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
