using System.Net.Http.Headers;
using System.Text;
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
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new BotTestServer(app, new Uri(app.Urls.First()));
    }

    public Task<HttpResponseMessage> PostAsync(string body) =>
        Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostAsync(Activity activity) => PostAsync(ActivityJson.Serialize(activity));

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
