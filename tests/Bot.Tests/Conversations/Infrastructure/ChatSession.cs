using System.Text;
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
/// A running chat host with the same composition as the <c>chat</c> verb (storage, runtime with the
/// sentiment middleware, the HEAP bot over the embedded knowledge base and support services, the console
/// channel), in-process: lines go in through a <see cref="ScriptReader"/>, the bot's activities come back as
/// the JSON lines the console writes. The host stays up between batches, so proactive turns can be tested.
/// </summary>
internal sealed class ChatSession : IAsyncDisposable
{
    private static readonly Lazy<string> EmptyContentRoot = new(() => Directory.CreateTempSubdirectory("supportbot-chat-").FullName);

    private readonly IHost _host;
    private readonly ScriptReader _input = new();
    private readonly StringBuilder _output = new();
    private int _read;

    private ChatSession(IHost host, ScriptReader input, StringBuilder output)
    {
        _host = host;
        _input = input;
        _output = output;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<ChatSession> StartAsync(string userId = "console-user", string? dataFolder = null, IDictionary<string, string?>? settings = null, string? conversationId = null)
    {
        var input = new ScriptReader();
        var output = new StringBuilder();
        var options = new ConsoleOptions { ConversationId = conversationId ?? $"console-{Guid.NewGuid():N}", UserId = userId, Interactive = false };

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
        builder.Services.AddConsoleChannel(new ConsoleIo(input, new StringWriter(output)), options);

        var host = builder.Build();
        await host.StartAsync();
        return new ChatSession(host, input, output);
    }

    /// <summary>Sends the lines, one turn each, and answers the transcript of these turns.</summary>
    public async Task<ChatTranscript> SayAsync(params string[] lines)
    {
        _input.Add(lines);
        await Services.GetRequiredService<ConsoleConnector>().RunAsync();
        return Parse(lines, TakeNew());
    }

    /// <summary>The activities written since the last look (proactive messages land here).</summary>
    public IReadOnlyList<Activity> TakeNewActivities() =>
        TakeNew().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ActivityJson.Deserialize).ToList();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private string TakeNew()
    {
        lock (_output)
        {
            var text = _output.ToString(_read, _output.Length - _read);
            _read = _output.Length;
            return text;
        }
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
