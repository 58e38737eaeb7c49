using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SupportBot.Bench;

/// <summary>
/// The real host (<c>bot/bin/Release/net10.0/SupportBot.Bot.dll</c>) as a child process on a free loopback
/// port, with a fresh temp data folder: durable SQLite (Synchronous=Normal), the Hear quiet period off and
/// the Direct Line rate limits off (every benchmark customer comes from one IP).
/// </summary>
internal sealed class WebChatBenchmarkServer : IAsyncDisposable
{
    /// <summary>The settings the benchmark needs; a server started separately for <c>--url</c> needs the same.</summary>
    public static readonly string[] Settings =
    [
        "--Storage:Provider=Sqlite",
        "--Storage:Sqlite:Synchronous=Normal",
        "--Policy:BurstQuietPeriod=00:00:00",
        "--Channels:DirectLine:RateLimitPerIpPerMinute=0",
        "--Channels:DirectLine:RateLimitPerTokenPerMinute=0",
        "--Logging:LogLevel:Default=Warning",
    ];

    private readonly Process _process;
    private readonly string _folder;
    private readonly Queue<string> _log = new();

    private WebChatBenchmarkServer(Process process, string folder, Uri url)
    {
        (_process, _folder, Url) = (process, folder, url);
    }

    public Uri Url { get; }

    /// <summary>Processor time the server has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static Task<WebChatBenchmarkServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync([], cancellationToken);

    /// <summary>Starts the host with <see cref="Settings"/> and <paramref name="extraSettings"/> (later ones win).</summary>
    public static async Task<WebChatBenchmarkServer> StartAsync(IEnumerable<string> extraSettings, CancellationToken cancellationToken = default)
    {
        var dll = FindServerDll();
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-webchat-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[dll, "--urls", url.GetLeftPart(UriPartial.Authority), $"--Storage:DataFolder={folder}", .. Settings, .. extraSettings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var server = new WebChatBenchmarkServer(process, folder, url);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync("health", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        string tail;
        lock (_log)
        {
            tail = string.Join(Environment.NewLine, _log);
        }

        throw new InvalidOperationException($"The server did not become healthy at {Url}:{Environment.NewLine}{tail}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > 40)
            {
                _log.Dequeue();
            }
        }
    }

    /// <summary>The Release build of the host, next to this benchmark in the repository (the bench project builds it).</summary>
    private static string FindServerDll()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SupportBot.sln")))
            {
                var dll = Path.Combine(folder.FullName, "bot", "bin", "Release", "net10.0", "SupportBot.Bot.dll");
                return File.Exists(dll)
                    ? dll
                    : throw new FileNotFoundException("Build the host first: dotnet build bot -c Release", dll);
            }
        }

        throw new DirectoryNotFoundException("The repository root (SupportBot.sln) is not above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
