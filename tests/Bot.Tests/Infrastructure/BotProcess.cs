using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>The built host (bot/bin/…/SupportBot.Bot.dll) as a child process, with its output captured.</summary>
internal sealed class BotProcess : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process) => _process = process;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet SupportBot.Bot.dll args</c> in <paramref name="workingDirectory"/> with the SQLite store there.</summary>
    public static BotProcess Start(string workingDirectory, IEnumerable<string> args, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(RepoPaths.BotDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Storage__Provider"] = "Sqlite";
        info.Environment["Storage__DataFolder"] = Path.Combine(workingDirectory, "data");
        info.Environment["DOTNET_NOLOGO"] = "1";

        var bot = new BotProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        bot._process.OutputDataReceived += (_, e) => Append(bot._stdout, bot._stdoutClosed, e.Data);
        bot._process.ErrorDataReceived += (_, e) => Append(bot._stderr, bot._stderrClosed, e.Data);
        bot._process.Start();
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Writes <paramref name="input"/> to standard input, closes it, and waits for the exit code.</summary>
    public async Task<int> RunToEndAsync(string input)
    {
        await _process.StandardInput.WriteAsync(input);
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The bot did not exit within {Timeout}. stderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    /// <summary>Polls <c>/health</c> until it answers 200; fails when the process exits or the timeout passes.</summary>
    public async Task WaitHealthyAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode}. stderr:\n{Stderr}\nstdout:\n{Stdout}");
            }

            try
            {
                using var response = await client.GetAsync("/health", timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The bot was not healthy within {Timeout}. stderr:\n{Stderr}");
            }

            // Poll again soon; the condition, not the delay, ends the wait.
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
