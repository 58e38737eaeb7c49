using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bench;

/// <summary>
/// A minimal Bot Connector on 127.0.0.1 for the botservice benchmark: answers every
/// <c>POST /v3/conversations/{id}/activities[/{replyToId}]</c> with <c>{"id":…}</c> and counts the replies whose
/// conversation id starts with the run's prefix, so the benchmark can check every turn's reply arrived.
/// </summary>
internal sealed class BotServiceBenchmarkConnector : IAsyncDisposable
{
    private const string ActivitiesPrefix = "/v3/conversations/";
    private static readonly byte[] Answer = """{"id":"reply"}"""u8.ToArray();

    private readonly WebApplication _app;
    private volatile string _countedPrefix = "\0";
    private int _replies;
    private int _rejected;

    private BotServiceBenchmarkConnector(WebApplication app) => _app = app;

    /// <summary>The service URL the benchmark's activities name.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Replies to conversations of the counted prefix.</summary>
    public int Replies => Volatile.Read(ref _replies);

    /// <summary>Calls that were not a reply POST.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    public static async Task<BotServiceBenchmarkConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new BotServiceBenchmarkConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>From now on count replies to conversations whose id starts with <paramref name="prefix"/> (from zero).</summary>
    public void Count(string prefix)
    {
        _countedPrefix = prefix;
        Interlocked.Exchange(ref _replies, 0);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync().ConfigureAwait(false);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        if (!HttpMethods.IsPost(context.Request.Method) || !path.StartsWith(ActivitiesPrefix, StringComparison.Ordinal) || !path.Contains("/activities", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (path.AsSpan(ActivitiesPrefix.Length).StartsWith(_countedPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _replies);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Answer.Length;
        await context.Response.Body.WriteAsync(Answer).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
