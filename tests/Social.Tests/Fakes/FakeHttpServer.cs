using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace SupportBot.Social.Tests.Fakes;

/// <summary>A Kestrel server on 127.0.0.1 and a free port, for the platform contract fakes.</summary>
internal abstract class FakeHttpServer : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request: method, path and query, when, and the status answered.</summary>
    public List<(string Method, string Target, DateTimeOffset At, int Status)> Requests { get; } = [];

    protected async Task StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        Url = new Uri(_app.Urls.First());
    }

    protected abstract void Map(WebApplication app);

    protected void Record(string method, string target, DateTimeOffset at, int status)
    {
        lock (Requests)
        {
            Requests.Add((method, target, at, status));
        }
    }

    public List<(string Method, string Target, DateTimeOffset At, int Status)> RequestsSnapshot()
    {
        lock (Requests)
        {
            return [.. Requests];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
