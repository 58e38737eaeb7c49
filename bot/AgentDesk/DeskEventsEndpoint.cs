using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// <c>GET /agent/api/events</c>: the desk's live feed as Server-Sent Events. First a <c>hello</c> (the desk then
/// loads the queue, so nothing published before it subscribed is missed), then every desk event, and a
/// <c>ping</c> when idle so proxies keep the connection and a dead one is noticed.
/// </summary>
internal static class DeskEventsEndpoint
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(20);

    public static IResult Events(HttpContext context, DeskEventStream stream, TimeProvider time)
    {
        context.Response.Headers.CacheControl = "no-store";
        // Reverse proxies (nginx) buffer responses unless told not to; an event must arrive when it happens.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(ReadAsync(stream, time, context.RequestAborted));
    }

    internal static async IAsyncEnumerable<SseItem<string>> ReadAsync(DeskEventStream stream, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = stream.Subscribe();
        yield return new SseItem<string>("{}", "hello");
        var reader = subscription.Reader;
        Task<bool>? waiting = null;
        while (true)
        {
            waiting ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            using (var idle = new CancellationTokenSource(KeepAliveInterval, time))
            {
                var delay = Task.Delay(Timeout.InfiniteTimeSpan, idle.Token);
                if (await Task.WhenAny(waiting, delay).ConfigureAwait(false) != waiting)
                {
                    yield return new SseItem<string>("{}", "ping");
                    continue;
                }
            }

            if (!await waiting.ConfigureAwait(false))
            {
                // Closed: this subscriber fell behind, or the host is stopping.
                yield break;
            }

            waiting = null;
            while (reader.TryRead(out var deskEvent))
            {
                yield return new SseItem<string>(deskEvent.Json, deskEvent.Kind);
            }
        }
    }
}
