using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.AgentDesk;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>The desk's Server-Sent Events feed (<c>/agent/api/events</c>).</summary>
public sealed class DeskEventsTests
{
    [Fact]
    public async Task Events_SignedIn_HelloThenPublishedEventsInOrder()
    {
        await using var host = await DeskTestHost.StartAsync();
        var (client, _) = await host.SignInAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/agent/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        Assert.Equal(("hello", "{}"), await ReadEventAsync(reader, timeout.Token));
        var stream = host.Server.Services.GetRequiredService<DeskEventStream>();
        stream.Publish(new DeskEvent("queue", "{\"caseId\":\"H-1001\"}"));
        stream.Publish(new DeskEvent("message", "{\"caseId\":\"H-1001\",\"message\":{\"text\":\"line one\\nline two\"}}"));

        Assert.Equal(("queue", "{\"caseId\":\"H-1001\"}"), await ReadEventAsync(reader, timeout.Token));
        Assert.Equal(("message", "{\"caseId\":\"H-1001\",\"message\":{\"text\":\"line one\\nline two\"}}"), await ReadEventAsync(reader, timeout.Token));
        client.Dispose();
    }

    [Fact]
    public async Task Publish_SubscriberFallsBehind_ClosedNotBufferedForever()
    {
        var stream = new DeskEventStream(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var slow = stream.Subscribe();

        for (var i = 0; i <= DeskEventStream.Capacity; i++)
        {
            stream.Publish(new DeskEvent("queue", "{}"));
        }

        Assert.Equal(0, stream.SubscriberCount);
        var read = 0;
        while (slow.Reader.TryRead(out _))
        {
            read++;
        }

        Assert.Equal(DeskEventStream.Capacity, read);
        Assert.True(slow.Reader.Completion.IsCompleted);
    }

    /// <summary>One event (event and data lines up to the blank line); ping events are skipped.</summary>
    private static async Task<(string Event, string Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? name = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line && line.Length > 0)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line["data: ".Length..]);
                }
            }

            if (name != "ping")
            {
                return (name ?? "message", string.Join("\n", data));
            }
        }
    }
}
