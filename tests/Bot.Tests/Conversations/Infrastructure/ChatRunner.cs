using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Extensions;
using SupportBot.Connectors.Console;
using SupportBot.Connectors.Console.Client;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Conversations.Infrastructure;

/// <summary>
/// Runs a chat through the same composition as the <c>chat</c> verb (storage, runtime with the sentiment
/// middleware, the HEAP bot over the embedded knowledge base and support services, the console channel),
/// in-process: the customer's lines come from a <see cref="StringReader"/> and the bot's activities are read
/// back as the JSON lines the console writes.
/// </summary>
internal static class ChatRunner
{
    private static readonly Lazy<string> EmptyContentRoot = new(() => Directory.CreateTempSubdirectory("supportbot-chat-").FullName);

    public static async Task<ChatTranscript> RunAsync(IReadOnlyList<string> lines, string userId = "console-user", string? dataFolder = null, IDictionary<string, string?>? settings = null, string? conversationId = null)
    {
        var output = new StringWriter();
        var options = new ConsoleOptions
        {
            ConversationId = conversationId ?? $"console-{Guid.NewGuid():N}",
            UserId = userId,
            Interactive = false,
        };

        // An empty content root: the scripts run on the shipped defaults plus their own settings, whatever
        // appsettings.json says today.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = EmptyContentRoot.Value, Args = [] });
        builder.Logging.ClearProviders();
        var overrides = new Dictionary<string, string?> { ["Storage:Provider"] = dataFolder is null ? "Memory" : "Sqlite" };
        if (dataFolder is not null)
        {
            overrides["Storage:DataFolder"] = dataFolder;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddBotStorage();
        builder.AddBotRuntime();
        builder.AddHeap();
        builder.Services.AddConsoleChannel(new ConsoleIo(new StringReader(string.Join('\n', lines) + "\n"), output), options);

        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<ConsoleConnector>().RunAsync();
        await host.StopAsync();
        return Parse(lines, output.ToString());
    }

    /// <summary>Groups the written activities by the customer message they answer; every message gets an answer.</summary>
    private static ChatTranscript Parse(IReadOnlyList<string> lines, string stdout)
    {
        var activities = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ActivityJson.Deserialize).ToList();
        var groups = new List<List<Activity>>();
        string? current = null;
        foreach (var activity in activities)
        {
            if (groups.Count == 0 || activity.ReplyToId != current)
            {
                groups.Add([]);
                current = activity.ReplyToId;
            }

            groups[^1].Add(activity);
        }

        var customer = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        Assert.True(groups.Count == customer.Count, $"{customer.Count} customer messages got {groups.Count} answers:\n{stdout}");
        return new ChatTranscript(customer.Select((line, i) => (line, (IReadOnlyList<Activity>)groups[i])).ToList());
    }
}
