using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SupportBot.Bench;

/// <summary>
/// Web chat under load (issue 5 point 7): N concurrent Direct Line conversations over WebSockets, each
/// holding a HEAP conversation; latency from the POST of a message to the bot's reply arriving on the
/// socket, and the replies late (not on the socket within the timeout, but in the history), lost (not in
/// the history either) or duplicated (an activity id delivered twice).
/// </summary>
internal static class WebChatBenchmark
{
    private const int WarmUpConversations = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = WebChatBenchmarkOptions.Parse(args);
        using var deadline = new CancellationTokenSource(options.Deadline);
        await using var server = options.Url is null ? await WebChatBenchmarkServer.StartAsync(deadline.Token) : null;
        var url = options.Url ?? server!.Url;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
        };

        // Unmeasured rounds first, so both processes run tiered-up code (as TurnsBenchmark does).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < options.WarmUp)
        {
            await RunRoundAsync(http, Math.Min(WarmUpConversations, options.Conversations), options, deadline.Token);
        }

        var serverBefore = server?.ProcessorTime;
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var round = await RunRoundAsync(http, options.Conversations, options, deadline.Token);
        var serverCpu = server is null ? (double?)null : Math.Round((server.ProcessorTime - serverBefore!.Value).TotalSeconds, 2);
        var clientCpu = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds, 2);

        var tally = round.Tally;
        var line = new Dictionary<string, object?>
        {
            ["benchmark"] = "webchat",
            ["conversations"] = options.Conversations,
            ["turns"] = tally.Turns,
            ["seconds"] = Math.Round(round.Seconds, 3),
            ["turnsPerSecond"] = Math.Round(tally.Turns / round.Seconds),
            ["p50Ms"] = tally.PercentileMs(50),
            ["p95Ms"] = tally.PercentileMs(95),
            ["p99Ms"] = tally.PercentileMs(99),
            ["maxMs"] = tally.MaxMs(),
            ["lost"] = tally.Lost,
            ["late"] = tally.Late,
            ["duplicated"] = tally.Duplicated,
            ["unexpected"] = tally.Unexpected,
            ["failedPosts"] = tally.FailedPosts,
            ["openFailed"] = round.OpenFailed,
            ["completed"] = tally.Completed,
            ["openSeconds"] = Math.Round(round.OpenSeconds, 3),
            ["thinkMs"] = options.ThinkTime.TotalMilliseconds,
            ["storage"] = server is null ? "as configured (--url)" : "sqlite",
            ["synchronous"] = server is null ? null : "normal",
            ["quietPeriod"] = server is null ? "as configured (--url)" : "off",
            ["server"] = server is null ? url.GetLeftPart(UriPartial.Authority) : "child process (Release)",
            ["serverCpuSeconds"] = serverCpu,
            ["clientCpuSeconds"] = clientCpu,
        };
        Console.WriteLine(JsonSerializer.Serialize(line));
        var turns = options.Conversations * WebChatBenchmarkScript.Turns.Length;
        return tally.Turns == turns && tally.Late == 0 && tally.Lost == 0 && tally.Duplicated == 0 && tally.Unexpected == 0 ? 0 : 1;
    }

    /// <summary>
    /// Opens every conversation first (token, conversation, socket), then starts all scripts at once, so
    /// <paramref name="conversations"/> really are concurrent while the turns are measured.
    /// </summary>
    private static async Task<WebChatBenchmarkRound> RunRoundAsync(HttpClient http, int conversations, WebChatBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var tally = new WebChatBenchmarkTally();
        var opening = Stopwatch.StartNew();
        string? firstFailure = null;
        var opened = await Task.WhenAll(Enumerable.Range(0, conversations).Select(async _ =>
        {
            try
            {
                return await WebChatBenchmarkConversation.OpenAsync(http, tally, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
                return null;
            }
        }));
        opening.Stop();
        if (firstFailure is not null)
        {
            // One line, not one per conversation: a 429 here means the server still limits rates (see Settings).
            Console.Error.WriteLine($"webchat: {opened.Count(c => c is null)} of {conversations} conversations did not open; the first: {firstFailure}");
            Console.Error.WriteLine("webchat: a server for --url needs " + string.Join(' ', WebChatBenchmarkServer.Settings));
        }

        var open = opened.OfType<WebChatBenchmarkConversation>().ToList();
        try
        {
            var running = Stopwatch.StartNew();
            await Task.WhenAll(open.Select(c => Task.Run(() => c.RunAsync(options.ReplyTimeout, options.ThinkTime, cancellationToken), cancellationToken)));
            running.Stop();
            await Task.WhenAll(open.Select(c => c.SettleTimeoutAsync(cancellationToken)));
            return new WebChatBenchmarkRound(tally, running.Elapsed.TotalSeconds, opening.Elapsed.TotalSeconds, conversations - open.Count);
        }
        finally
        {
            await Task.WhenAll(open.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
