namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>The built host as a child process on a free loopback port, healthy, with a client for it.</summary>
internal sealed record RunningHost(BotProcess Process, HttpClient Client) : IDisposable
{
    /// <summary>Starts the host in <paramref name="folder"/> (its SQLite store under <c>data/</c>), unauthenticated, and waits for <c>/health</c>.</summary>
    public static async Task<RunningHost> StartAsync(string folder, params string[] extraArgs)
    {
        var port = BotProcess.FreePort();
        var process = BotProcess.Start(folder, ["--urls", $"http://127.0.0.1:{port}", "--BotFramework:AllowUnauthenticated=true", .. extraArgs]);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = BotProcess.Timeout };
        try
        {
            await process.WaitHealthyAsync(client);
        }
        catch
        {
            client.Dispose();
            process.Dispose();
            throw;
        }

        return new RunningHost(process, client);
    }

    public void Dispose()
    {
        Client.Dispose();
        Process.Dispose();
    }
}
