using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>
/// Whenever Azure cannot answer, the fallback does (PROTOCOLS.md §8: 400, 429, 5xx, timeouts); the
/// caller gets scores, not exceptions. Against the local server; no fixed sleeps.
/// </summary>
public sealed class AzureLanguageResilienceTests
{
    [Fact]
    public async Task ScoreAsync_429WithRetryAfterMs_RetriesAfterRequestedDelay()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, n) => n == 0
            ? ServerReply.FromTestData(429, "throttled.json", ("retry-after-ms", "300"))
            : ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("Where is my parcel?");

        Assert.Equal(2, server.Requests.Count);
        Assert.True(Gap(server, 0) >= TimeSpan.FromMilliseconds(280), $"retried after {Gap(server, 0)}");
        Assert.Equal(SentimentLabels.Positive, Assert.Single(scores).Label);
        Assert.Empty(fixture.Fallback.Calls);
    }

    [Fact]
    public async Task ScoreAsync_429WithRetryAfterSeconds_RetriesAfterRequestedDelay()
    {
        await using var server = await AzureLanguageTestServer.StartAsync((request, n) => n == 0
            ? ServerReply.FromTestData(429, "throttled.json", ("Retry-After", "1"))
            : ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("Where is my parcel?");

        Assert.Equal(2, server.Requests.Count);
        Assert.True(Gap(server, 0) >= TimeSpan.FromMilliseconds(950), $"retried after {Gap(server, 0)}");
        Assert.Equal(SentimentLabels.Positive, Assert.Single(scores).Label);
    }

    [Fact]
    public async Task ScoreAsync_429AskingLongerThanMaxRetryDelay_FallsBackWithoutRetry()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(
            ServerReply.FromTestData(429, "throttled.json", ("Retry-After", "120")));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("Where is my parcel?");

        Assert.Single(server.Requests);
        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
        Assert.Contains(fixture.Logger.Entries, e => e.EventId == 5801 && e.Message.Contains("HTTP 429"));
    }

    [Fact]
    public async Task ScoreAsync_Persistent500_RetriesThenFallsBack()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.FromTestData(500, "server-error.json"));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("one", "two");

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([RecordingFallbackProvider.Marker, RecordingFallbackProvider.Marker], scores);
        Assert.Equal(["one", "two"], fixture.Fallback.Texts);
        var warning = Assert.Single(fixture.Logger.Entries, e => e.EventId == 5801);
        Assert.Contains("HTTP 500 InternalServerError", warning.Message);
        Assert.Equal(2, fixture.Logger.Entries.Count(e => e.EventId == 5804));
    }

    [Fact]
    public async Task ScoreAsync_400_FallsBackWithoutRetry()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.FromTestData(400, "bad-request.json"));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("hello");

        Assert.Single(server.Requests);
        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
        Assert.Contains(fixture.Logger.Entries, e => e.EventId == 5801 && e.Message.Contains("HTTP 400 InvalidRequest"));
    }

    [Fact]
    public async Task ScoreAsync_401_FallsBackWithoutRetry()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.FromTestData(401, "unauthorized.json"));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("hello");

        Assert.Single(server.Requests);
        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
    }

    [Fact]
    public async Task ScoreAsync_MalformedSuccessBody_FallsBackWithoutRetry()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.Raw(200, "<html>gateway</html>"));
        using var fixture = new ProviderFixture(server);

        var scores = await fixture.ScoreAsync("hello");

        Assert.Single(server.Requests);
        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
    }

    [Fact]
    public async Task ScoreAsync_SlowResponse_TimesOutPerAttemptAndFallsBack()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.Hanging());
        using var fixture = new ProviderFixture(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetryAttempts = 1;
        });
        var stopwatch = Stopwatch.StartNew();

        var scores = await fixture.ScoreAsync("hello");
        var elapsed = stopwatch.Elapsed;

        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(950), $"gave up after {elapsed}, before two 500 ms attempts");
        Assert.True(elapsed < TimeSpan.FromSeconds(4), $"took {elapsed}");
        // Counted on the client: the server may never see the abandoned retry when the test host is busy.
        var retry = Assert.Single(fixture.Logger.Entries, e => e.EventId == 5804);
        Assert.Contains("attempt 1 failed (timeout)", retry.Message);
        Assert.NotEmpty(server.Requests);
        Assert.Contains(fixture.Logger.Entries, e => e.EventId == 5801 && e.Message.Contains("timeout"));
    }

    [Fact]
    public async Task ScoreAsync_SlowResponseBeyondTotalTimeout_FallsBack()
    {
        await using var server = await AzureLanguageTestServer.StartAsync(ServerReply.Hanging());
        using var fixture = new ProviderFixture(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });

        var scores = await fixture.ScoreAsync("hello");

        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ScoreAsync_ServerNotListening_FallsBack()
    {
        string endpoint;
        await using (var stopped = await AzureLanguageTestServer.StartAsync(ServerReply.Hanging()))
        {
            endpoint = stopped.Endpoint;
        }

        var options = ProviderFixture.FastOptions(endpoint);
        options.MaxRetryAttempts = 0;
        var fallback = new RecordingFallbackProvider();
        var logger = new CapturingLogger<Core.Sentiment.AzureLanguage.AzureLanguagePolarityProvider>();
        using var httpClient = new HttpClient();
        var provider = new Core.Sentiment.AzureLanguage.AzureLanguagePolarityProvider(httpClient, options, fallback, TimeProvider.System, logger);

        var scores = await provider.ScoreAsync(["hello"]);

        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(scores));
        Assert.Contains(logger.Entries, e => e.EventId == 5802 && e.Message.Contains("network error"));
    }

    [Fact]
    public async Task ScoreAsync_RepeatedFailures_OpensCircuitUntilBreakElapses()
    {
        var time = new FakeTimeProvider();
        await using var server = await AzureLanguageTestServer.StartAsync((request, n) => n < 2
            ? ServerReply.FromTestData(503, "server-error.json")
            : ServerReply.EchoSuccess(request));
        using var fixture = new ProviderFixture(server, o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        }, time);

        await fixture.ScoreAsync("first");
        await fixture.ScoreAsync("second");
        var whileOpen = await fixture.ScoreAsync("third");
        time.Advance(TimeSpan.FromSeconds(29));
        var stillOpen = await fixture.ScoreAsync("fourth");
        var requestsWhileOpen = server.Requests.Count;
        time.Advance(TimeSpan.FromSeconds(2));
        var afterBreak = await fixture.ScoreAsync("fifth");

        Assert.Equal(2, requestsWhileOpen);
        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(whileOpen));
        Assert.Equal(RecordingFallbackProvider.Marker, Assert.Single(stillOpen));
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(SentimentLabels.Positive, Assert.Single(afterBreak).Label);
        Assert.Single(fixture.Logger.Entries, e => e.EventId == 5805);
        Assert.Single(fixture.Logger.Entries, e => e.EventId == 5806);
        Assert.Contains(fixture.Logger.Entries, e => e.EventId == 5801 && e.Message.Contains("circuit open"));
    }

    [Fact]
    public async Task ScoreAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await using var server = await AzureLanguageTestServer.StartAsync((_, _) =>
        {
            cancellation.Cancel();
            return ServerReply.Hanging();
        });
        using var fixture = new ProviderFixture(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Provider.ScoreAsync(["hello"], cancellation.Token).AsTask());
        Assert.Empty(fixture.Fallback.Calls);
    }

    [Fact]
    public async Task ScoreAsync_EveryFailure_NeverLogsKeyOrText()
    {
        const string Text = "confidential customer words 7731";
        ServerReply[] failures =
        [
            ServerReply.FromTestData(400, "bad-request.json"),
            ServerReply.FromTestData(401, "unauthorized.json"),
            ServerReply.FromTestData(429, "throttled.json", ("Retry-After", "600")),
            ServerReply.FromTestData(200, "document-error.json"),
            ServerReply.FromTestData(500, "server-error.json"),
            ServerReply.Hanging(),
        ];
        var loggers = new List<CapturingLogger<Core.Sentiment.AzureLanguage.AzureLanguagePolarityProvider>>();

        foreach (var failure in failures)
        {
            await using var server = await AzureLanguageTestServer.StartAsync(failure);
            using var fixture = new ProviderFixture(server, o =>
            {
                o.Timeout = TimeSpan.FromMilliseconds(200);
                o.MaxRetryAttempts = 1;
                o.CircuitBreakerMinimumThroughput = 2;
            });
            await fixture.ScoreAsync("hi", Text, "ok");
            await fixture.ScoreAsync(Text);
            Assert.Equal(ProviderFixture.Key, server.Requests[0].Headers["Ocp-Apim-Subscription-Key"]);
            loggers.Add(fixture.Logger);
        }

        Assert.All(loggers, l => Assert.NotEmpty(l.Entries));
        Assert.All(loggers, l => Assert.DoesNotContain(ProviderFixture.Key, l.AllText));
        Assert.All(loggers, l => Assert.DoesNotContain(Text, l.AllText));
    }

    private static TimeSpan Gap(AzureLanguageTestServer server, int first) =>
        Stopwatch.GetElapsedTime(server.Requests[first].ReceivedTimestamp, server.Requests[first + 1].ReceivedTimestamp);
}
