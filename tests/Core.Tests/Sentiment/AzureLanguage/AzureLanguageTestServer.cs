using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) standing in for Azure AI Language: it records every
/// request and answers what the test scripts, replaying the documented payloads of PROTOCOLS.md §8.
/// </summary>
internal sealed class AzureLanguageTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<RecordedRequest, int, ServerReply> _respond;
    private int _count;

    private AzureLanguageTestServer(Func<RecordedRequest, int, ServerReply> respond)
    {
        _respond = respond;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The endpoint to configure, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server answering each request with <paramref name="respond"/>(request, zero-based request number).</summary>
    public static async Task<AzureLanguageTestServer> StartAsync(Func<RecordedRequest, int, ServerReply> respond)
    {
        var server = new AzureLanguageTestServer(respond);
        await server._app.StartAsync();
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.Endpoint = addresses.Addresses.Single();
        return server;
    }

    /// <summary>Starts a server that answers every request the same way.</summary>
    public static Task<AzureLanguageTestServer> StartAsync(ServerReply reply) => StartAsync((_, _) => reply);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Stopwatch.GetTimestamp());
        _requests.Enqueue(request);

        var reply = _respond(request, Interlocked.Increment(ref _count) - 1);
        if (reply.Hang)
        {
            // A service that never answers: wait until the client gives up or the server stops.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }
}
