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

    private static async Task<JsonElement> RunClientAsync(string baseUrl, string token, string mode, string text)
    {
        var package = Path.Combine(ClientFolder, "node_modules", "botframework-directlinejs", "package.json");
        Assert.True(File.Exists(package),
            $"The Direct Line client is not installed ({package} is missing). Run ./test.sh, or 'npm ci --ignore-scripts' in {ClientFolder}.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "chat.js", baseUrl, token, mode, text })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"Node.js ('node') is required for the Direct Line client tests and could not be started: {exception.Message}. Install Node.js and run ./test.sh.");
            throw;
        }

        using (process)
        {
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
    }
}
