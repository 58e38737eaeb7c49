using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SupportBot.Bench;

/// <summary>
/// Azure Bot Service throughput (issue 6, point 3): new conversations each saying "hi" on <c>POST /api/messages</c>
/// of the Release host (child process, durable SQLite, unauthenticated mode as for the Emulator), over N
/// keep-alive connections. Each turn begins the HEAP dialog, commits its state, and POSTs the reply to the
/// activity's serviceUrl — a local Bot Connector in this process — before the 200. Prints one JSON line:
/// turns/s, latency percentiles, errors (non-200 answers and replies that never reached the connector).
/// </summary>
internal static class BotServiceBenchmark
{
    public const string Usage = "bench botservice [--connections N (default 32)] [--seconds S (default 10)] [--warmup-seconds S (at least; default 5, then on until the JIT has settled)] [--url http://127.0.0.1:5000 (a host started with BotFramework:AllowUnauthenticated=true)]";

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = Number(args, "--connections", 32);
        var seconds = Number(args, "--seconds", 10);
        var warmUp = Number(args, "--warmup-seconds", 5);
        var url = Text(args, "--url") is { } u ? new Uri(u.TrimEnd('/') + "/") : null;

        await using var connector = await BotServiceBenchmarkConnector.StartAsync();
        await using var server = url is null
            ? await WebChatBenchmarkServer.StartAsync(["--BotFramework:AllowUnauthenticated=true", "--BotFramework:MicrosoftAppId="])
            : null;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
        })
        {
            BaseAddress = url ?? server!.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };

        var warmedUp = await WarmUpAsync(http, connector, connections, TimeSpan.FromSeconds(warmUp));
        var allocatedBefore = await AllocatedBytesAsync(http);
        var cpuBefore = server?.ProcessorTime;
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await RunAsync(http, connector, connections, TimeSpan.FromSeconds(seconds), Prefix("m"));
        var allocatedAfter = await AllocatedBytesAsync(http);
        var line = new Dictionary<string, object>
        {
            ["benchmark"] = "botservice",
            ["connections"] = connections,
            ["warmupSeconds"] = Math.Round(warmedUp.TotalSeconds),
            ["turns"] = result.Turns,
            ["seconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
            ["turnsPerSecond"] = Math.Round(result.Turns / result.Elapsed.TotalSeconds),
            ["p50Ms"] = Percentile(result.Latencies, 0.50),
            ["p95Ms"] = Percentile(result.Latencies, 0.95),
            ["p99Ms"] = Percentile(result.Latencies, 0.99),
            ["maxMs"] = Percentile(result.Latencies, 1.0),
            ["errors"] = result.Errors + result.MissingReplies,
            ["non200"] = result.Errors,
            ["missingReplies"] = result.MissingReplies,
            ["storage"] = "sqlite",
            ["synchronous"] = "normal",
        };
        if (allocatedBefore is { } a && allocatedAfter is { } b)
        {
            line["botAllocatedKBPerTurn"] = Math.Round((b - a) / 1024.0 / Math.Max(1, result.Turns), 1);
        }

        if (cpuBefore is { } before)
        {
            // Processor time per turn is what a loaded machine distorts least: turns/s on an idle 2-core
            // machine is about 2 s / (bot + bench µs per turn).
            var botCpu = server!.ProcessorTime - before;
            var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore;
            line["botCpuUsPerTurn"] = Math.Round(botCpu.TotalMicroseconds / Math.Max(1, result.Turns));
            line["benchCpuUsPerTurn"] = Math.Round(benchCpu.TotalMicroseconds / Math.Max(1, result.Turns));
        }

        Console.WriteLine(JsonSerializer.Serialize(line));
        return result.Errors + result.MissingReplies == 0 ? 0 : 1;
    }

    private static async Task<RunResult> RunAsync(HttpClient http, BotServiceBenchmarkConnector connector, int connections, TimeSpan duration, string prefix)
    {
        connector.Count(prefix);
        var next = -1;
        var errors = 0;
        var latencies = new List<double>[connections];
        var stopwatch = Stopwatch.StartNew();
        var end = duration;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(16_384);
            while (stopwatch.Elapsed < end)
            {
                var index = Interlocked.Increment(ref next);
                using var content = new ByteArrayContent(Body(prefix, index, connector.ServiceUrl));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("api/messages", content).ConfigureAwait(false);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        stopwatch.Stop();

        var turns = next + 1;
        var ok = turns - errors;

        // The reply is POSTed before the bot answers 200, so it has arrived by now; allow stragglers a moment.
        var waited = Stopwatch.StartNew();
        while (connector.Replies < ok && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new RunResult(turns, stopwatch.Elapsed, all, errors, Math.Max(0, ok - connector.Replies));
    }

    /// <summary>
    /// Runs the load for the given time, then on until the host's JIT has settled: under full load on two cores the
    /// runtime's tiered compilation of the hot paths takes 20–30 s, and until then turns/s measures the compiler
    /// as much as the bot. Settled means fewer than 30 methods compiled in 3 s (at most 60 s in all).
    /// </summary>
    private static async Task<TimeSpan> WarmUpAsync(HttpClient http, BotServiceBenchmarkConnector connector, int connections, TimeSpan minimum)
    {
        var stopwatch = Stopwatch.StartNew();
        await RunAsync(http, connector, connections, minimum, Prefix("w"));
        var compiled = await MetricAsync(http, "system_runtime_dotnet_jit_compiled_methods");
        while (compiled is not null && stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await RunAsync(http, connector, connections, TimeSpan.FromSeconds(3), Prefix("w"));
            var now = await MetricAsync(http, "system_runtime_dotnet_jit_compiled_methods");
            if (now is null || now - compiled < 30)
            {
                break;
            }

            compiled = now;
        }

        return stopwatch.Elapsed;
    }

    /// <summary>A fresh conversation-id prefix: every run's conversations are new.</summary>
    private static string Prefix(string kind) => kind + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The host's total allocated bytes, from its Prometheus metrics (null when not exported).</summary>
    private static Task<double?> AllocatedBytesAsync(HttpClient http) => MetricAsync(http, "system_runtime_dotnet_gc_heap_total_allocated");

    /// <summary>One unlabelled value from the host's Prometheus metrics (null when not exported).</summary>
    private static async Task<double?> MetricAsync(HttpClient http, string name)
    {
        var text = await http.GetStringAsync("metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal)
                && double.TryParse(line.AsSpan(name.Length + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static byte[] Body(string prefix, int index, string serviceUrl)
    {
        var n = index.ToString(CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            $$"""{"type":"message","id":"a{{n}}","channelId":"emulator","serviceUrl":"{{serviceUrl}}","conversation":{"id":"{{prefix}}-{{n}}"},"from":{"id":"user-{{n}}","name":"Customer","role":"user"},"recipient":{"id":"supportbot","name":"SupportBot","role":"bot"},"text":"hi","locale":"en-US"}""");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1 < 0 ? 0 : (int)Math.Ceiling(p * sorted.Length) - 1)], 2);

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private sealed record RunResult(int Turns, TimeSpan Elapsed, double[] Latencies, int Errors, int MissingReplies);
}
