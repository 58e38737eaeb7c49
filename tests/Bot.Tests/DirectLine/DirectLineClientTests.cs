using System.Diagnostics;
using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using static SupportBot.Bot.Tests.DirectLine.DirectLineTestHost;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// The official client, botframework-directlinejs 0.15.8, under Node against the real server on
/// 127.0.0.1 (PROTOCOLS.md §1). These tests fail, never skip, when Node or the client's packages are
/// missing: ./test.sh installs them.
/// </summary>
public sealed class DirectLineClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // The client waits 3-15 s (its own random back-off) before it fetches a new stream URL.
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(150);

    private static string ClientFolder => Path.Combine(RepoPaths.Root, "tests", "Bot.Tests", "DirectLine", "client");

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task OfficialClient_PostsMessage_GetsEchoWithServerIdAndBotReply(string mode)
    {
        await using var host = await StartAsync();
        var token = await host.WebChatTokenAsync();
        var userId = (await host.Tokens.ReadAsync(token))!.UserId;

        var result = await RunClientAsync(host.Address.GetLeftPart(UriPartial.Authority), token, mode, "Hello, my order hasn't arrived");

        Assert.Contains("Online", result.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        var postedId = result.GetProperty("postedId").GetString()!;
        Assert.EndsWith("|0000001", postedId, StringComparison.Ordinal);
        var echo = result.GetProperty("echo");
        Assert.Equal(postedId, echo.GetProperty("id").GetString());
        Assert.Equal(userId, echo.GetProperty("fromId").GetString());
        Assert.Equal("user", echo.GetProperty("fromRole").GetString());
        var reply = result.GetProperty("reply");
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("text").GetString()));
        Assert.Equal(postedId, reply.GetProperty("replyToId").GetString());
        Assert.Equal(mode == "websocket", result.GetProperty("sockets").GetInt32() > 0);
    }

    /// <summary>
    /// The server restarts under a connected client. Over WebSocket the same client object reconnects by
    /// itself; in polling mode directlinejs stops polling at the first failed GET, so the client resumes
    /// from its conversation id and watermark the way the chat page does after a reload. Either way the
    /// client ends up with exactly the server's history: nothing lost, nothing doubled, in order.
    /// </summary>
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task OfficialClient_ServerRestarts_ClientReconnects_NothingLostOrDoubled(string mode)
    {
        var settings = Sqlite(RepoPaths.NewTempFolder());
        settings["urls"] = $"http://127.0.0.1:{FreePort()}";
        var host = await StartAsync(settings);
        try
        {
            var token = await host.WebChatTokenAsync();
            using var process = StartClient("restart.js", host.Address.GetLeftPart(UriPartial.Authority), token, mode);
            using var timeout = new CancellationTokenSource(RestartTimeout);
            try
            {
                var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.True(first is not null && first.Contains("first-answered", StringComparison.Ordinal),
                    $"node restart.js ({mode}) did not get its first answer: {first} {await ErrorsOf(process)}");

                // The server goes away and comes back on the same address and store; the client is not told.
                await host.DisposeAsync();
                host = await StartAsync(settings);
                await process.StandardInput.WriteLineAsync("second, after the restart".AsMemory(), timeout.Token);
                await process.StandardInput.FlushAsync(timeout.Token);

                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"node restart.js ({mode}) failed with exit code {process.ExitCode}: {line} {await ErrorsOf(process)}");
                var result = JsonDocument.Parse(line!).RootElement;

                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("firstReply").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("secondReply").GetString()));
                // Every logged activity (type and id, as the client saw them) exactly once and in order.
                var received = result.GetProperty("received").EnumerateArray().Select(entry => entry.GetString()!).ToList();
                Assert.Equal(received.Count, received.Distinct(StringComparer.Ordinal).Count());
                var history = await host.AllActivitiesAsync(result.GetProperty("conversationId").GetString()!, token);
                Assert.Equal(history.Select(a => $"{a.GetProperty("type").GetString()} {a.GetProperty("id").GetString()}"), received);
                Assert.True(history.Count >= 4, $"expected two messages and two replies at least: {string.Join(", ", received)}");
                if (mode == "websocket")
                {
                    Assert.True(result.GetProperty("sockets").GetInt32() >= 2, $"the client never opened a new socket after the restart: {line}");
                }
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"node restart.js ({mode}) did not finish within {RestartTimeout.TotalSeconds} s. {await ErrorsOf(process)}");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<JsonElement> RunClientAsync(string baseUrl, string token, string mode, string text)
    {
        using var process = StartClient("chat.js", baseUrl, token, mode, text);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node chat.js ({mode}) did not finish within {Timeout.TotalSeconds} s.");
        }

        var line = (await output).Trim();
        Assert.True(process.ExitCode == 0, $"node chat.js ({mode}) failed with exit code {process.ExitCode}: {line} {await error}");
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static Process StartClient(string script, params string[] arguments)
    {
        var package = Path.Combine(ClientFolder, "node_modules", "botframework-directlinejs", "package.json");
        Assert.True(File.Exists(package),
            $"The Direct Line client is not installed ({package} is missing). Run ./test.sh, or 'npm ci --ignore-scripts' in {ClientFolder}.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"Node.js ('node') is required for the Direct Line client tests and could not be started: {exception.Message}. Install Node.js and run ./test.sh.");
            throw;
        }
    }

    private static async Task<string> ErrorsOf(Process process)
    {
        if (!process.HasExited)
        {
            return string.Empty;
        }

        return await process.StandardError.ReadToEndAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
