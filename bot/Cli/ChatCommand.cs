using Microsoft.Extensions.Options;
using SupportBot.Bot.Extensions;
using SupportBot.Connectors.Console;
using SupportBot.Connectors.Console.Client;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>chat [--conversation ID]</c>: the console channel, without Kestrel. Standard output carries only
/// the bot's activities (JSON lines when standard input is not a terminal); logs and notices go to
/// standard error. One customer message per input line; end of input ends the chat with exit code 0.
/// </summary>
internal static class ChatCommand
{
    public const string Verb = "chat";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!ChatArguments.TryParse(args[1..], out var parsed, out var error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        var options = new ConsoleOptions
        {
            ConversationId = parsed.ConversationId ?? $"console-{Guid.NewGuid():N}",
            Interactive = !Console.IsInputRedirected,
        };

        var builder = Host.CreateApplicationBuilder(BotHostDefaults.HostSettings(parsed.HostArgs));
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        // The chat verb answers each line at once: the Hear quiet period is for live chat (issue 4).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Policy:BurstQuietPeriod"] = "00:00:00" });
        builder.AddBotStorage();
        builder.AddBotRuntime();
        builder.Services.AddConsoleChannel(ConsoleIo.Standard(), options);

        using var host = builder.Build();
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await Console.Error.WriteLineAsync($"Conversation: {options.ConversationId}").ConfigureAwait(false);
        if (options.Interactive)
        {
            await Console.Error.WriteLineAsync("Type a message and press Enter; Ctrl+D (end of input) or Ctrl+C ends the chat.").ConfigureAwait(false);
        }

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.Services.GetRequiredService<ConsoleConnector>().RunAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        return 0;
    }
}
