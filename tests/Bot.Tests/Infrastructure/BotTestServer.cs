using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>The real web host (Program.BuildWebApp) on Kestrel at 127.0.0.1 on a free port, in this process.</summary>
internal sealed class BotTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public ITranscriptStore Transcripts => Services.GetRequiredService<ITranscriptStore>();

    public IOutboxStore Outbox => Services.GetRequiredService<IOutboxStore>();

    /// <summary>Starts the host with the memory store unless <paramref name="settings"/> say otherwise.</summary>
    public static async Task<BotTestServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var app = Program.BuildWebApp(["--urls", "http://127.0.0.1:0"], builder =>
        {
            // Tests post to /api/messages without Bot Framework tokens: the host's local-development mode.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Memory",
                ["BotFramework:AllowUnauthenticated"] = "true",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders();
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new BotTestServer(app, new Uri(app.Urls.First()));
    }

    public Task<HttpResponseMessage> PostAsync(string body) =>
        Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostAsync(Activity activity) => PostAsync(ActivityJson.Serialize(activity));

    /// <summary>Posts with expectReplies and answers the replies.</summary>
    public async Task<List<Activity>> SendAsync(Activity activity)
    {
        using var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var replies = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), CoreJsonContext.Default.ExpectedReplies);
        return replies?.Activities ?? throw new InvalidOperationException("The response carried no activities.");
    }

    /// <summary>Sends one customer message and answers the text of the single reply.</summary>
    public async Task<string?> SendTextAsync(string text, string conversationId)
    {
        var replies = await SendAsync(TestActivities.Message(text, conversationId));
        return Assert.Single(replies).Text;
    }

    /// <summary>Every activity of the conversation, across transcript pages.</summary>
    public Task<List<Activity>> TranscriptAsync(string channelId, string conversationId) =>
        ReadTranscriptAsync(Transcripts, channelId, conversationId);

    public static async Task<List<Activity>> ReadTranscriptAsync(ITranscriptStore store, string channelId, string conversationId)
    {
        var all = new List<Activity>();
        string? token = null;
        do
        {
            var page = await store.GetTranscriptActivitiesAsync(channelId, conversationId, token);
            all.AddRange(page.Activities);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
