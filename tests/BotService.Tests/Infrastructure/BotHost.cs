using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Schema;

namespace SupportBot.BotService.Tests.Infrastructure;

/// <summary>The real web host (Program.BuildWebApp) on Kestrel at 127.0.0.1 and a free port, memory storage, in this process.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Program.BuildWebApp(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
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

        return new BotHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>Settings of an authenticated bot whose keys and token endpoint are the local test servers.</summary>
    public static Dictionary<string, string?> Authenticated(string appId, BotFrameworkKeyServer keys, BotConnectorTestServer connector) => new()
    {
        ["BotFramework:MicrosoftAppId"] = appId,
        ["BotFramework:MicrosoftAppPassword"] = "test-secret",
        ["BotFramework:OpenIdMetadataUrl"] = keys.MetadataUrl,
        ["BotFramework:OAuthTokenEndpoint"] = connector.TokenEndpoint,
        ["BotFramework:AllowedServiceUrls:0"] = connector.ServiceUrl,
    };

    /// <summary>Posts an activity to /api/messages, with <paramref name="token"/> as bearer when given.</summary>
    public Task<HttpResponseMessage> PostAsync(Activity activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(ActivityJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
