using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;

namespace SupportBot.Social.Tests.Mastodon;

/// <summary>Rate-limit headers, 429 with an ISO-8601 reset, and 5xx retries against the fake instance.</summary>
public sealed class MastodonRateLimitTests
{
    [Fact]
    public async Task SmallWindow_ClientNeverSendsIntoASpentWindow_EverythingAnswered()
    {
        // 12 requests per 3 s: 20 praise mentions need ~25 requests, so the client must wait for resets.
        await using var fake = await FakeMastodonServer.StartAsync(rateLimit: 12, window: TimeSpan.FromSeconds(3));
        for (var i = 0; i < 20; i++)
        {
            fake.AddMention($"{500 + i}", $"fan{i}@example.social", $"<p>@<span>alderfinch</span> wonderful service, thank you {i}!</p>");
        }

        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));

        await Eventually.TrueAsync(() => fake.Posted.Count == 20, "20 thanks", TimeSpan.FromMinutes(2));
        Assert.Equal(0, fake.RateLimit.Refused);
        Assert.DoesNotContain(fake.RequestsSnapshot(), r => r.Status == 429);
    }

    [Fact]
    public async Task TooManyRequests_WaitsForTheResetThenAnswers()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));
        await Eventually.TrueAsync(() => fake.RequestsSnapshot().Any(r => r.Target.StartsWith("/api/v1/notifications", StringComparison.Ordinal)), "the first poll");

        // Someone else spent the account's budget: the next request gets 429 with the reset 2 s away.
        var reset = fake.RateLimit.Exhaust(TimeSpan.FromSeconds(2));
        var (_, statusId) = fake.AddMention("600", "dee@example.social", "<p>@<span>alderfinch</span> thanks for the speedy delivery, superb!</p>");
        await Eventually.TrueAsync(() => fake.Posted.Any(p => p.InReplyToId == statusId), "the answer after the reset");

        var requests = fake.RequestsSnapshot();
        var limited = requests.FindIndex(r => r.Status == 429);
        Assert.True(limited >= 0, "a 429 was answered");
        Assert.Single(requests, r => r.Status == 429);
        // Nothing was sent between the 429 and the reset.
        Assert.True(requests[limited + 1].At >= reset, $"next request {(requests[limited + 1].At - reset).TotalSeconds:F2} s after the reset");
        Assert.Single(fake.Posted);
    }

    [Fact]
    public async Task ServerErrors_RetriedWithBackoff_AnsweredOnce()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        var (_, statusId) = fake.AddMention("700", "eve@example.social", "<p>@<span>alderfinch</span> love the new store, amazing!</p>");
        fake.FailNext(503, 502, 500);
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));

        await Eventually.TrueAsync(() => fake.Posted.Any(p => p.InReplyToId == statusId), "the answer despite the errors");

        Assert.Equal(3, fake.RequestsSnapshot().Count(r => r.Status >= 500));
        Assert.Single(fake.Posted);
    }
}
