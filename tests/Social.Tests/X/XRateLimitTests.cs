using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;

namespace SupportBot.Social.Tests.X;

/// <summary>x-rate-limit-* per endpoint, 429 with a Unix-seconds reset, 5xx retries, duplicate content.</summary>
public sealed class XRateLimitTests
{
    [Fact]
    public async Task MentionsWindowSpent_429_WaitsForTheResetAndNeverSendsBefore()
    {
        await using var fake = await FakeXServer.StartAsync();
        await using var host = await SocialHost.StartAsync(XSettings.For(fake));
        await Eventually.TrueAsync(() => fake.RequestsSnapshot().Any(r => r.Target.Contains("/mentions", StringComparison.Ordinal)), "the first poll");

        var reset = fake.LimitOf("GET /2/users/:id/mentions").Exhaust(TimeSpan.FromSeconds(2));
        var mention = fake.AddMention("60", "cat", "@AlderFinch so happy with my new lamp, thanks!");
        await Eventually.TrueAsync(() => fake.Posts.Any(p => p.InReplyTo == mention), "the answer after the reset");

        var mentionRequests = fake.RequestsSnapshot().Where(r => r.Target.Contains("/mentions", StringComparison.Ordinal)).ToList();
        var limited = mentionRequests.FindIndex(r => r.Status == 429);
        Assert.True(limited >= 0, "a 429 was answered");
        Assert.Single(mentionRequests, r => r.Status == 429);
        Assert.True(mentionRequests[limited + 1].At >= reset, "no request before the reset");
        Assert.Single(fake.Posts);
    }

    [Fact]
    public async Task SmallPostingWindow_RepliesWaitForTheReset_NoneRefused()
    {
        await using var fake = await FakeXServer.StartAsync();
        fake.LimitFactory = bucket => new FakeRateLimit(bucket == "POST /2/tweets" ? 3 : 450, TimeSpan.FromSeconds(bucket == "POST /2/tweets" ? 3 : 900), TimeProvider.System);
        for (var i = 0; i < 8; i++)
        {
            fake.AddMention($"{70 + i}", $"fan{i}", $"@AlderFinch wonderful service, thank you {i}!");
        }

        await using var host = await SocialHost.StartAsync(XSettings.For(fake));

        await Eventually.TrueAsync(() => fake.Posts.Count == 8, "eight thanks", TimeSpan.FromMinutes(2));
        Assert.Equal(0, fake.LimitOf("POST /2/tweets").Refused);
    }

    [Fact]
    public async Task ServerErrors_RetriedWithJitteredBackoff_AnsweredOnce()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mention = fake.AddMention("80", "dan", "@AlderFinch great click and collect, thank you!");
        fake.FailNext(503, 500);
        await using var host = await SocialHost.StartAsync(XSettings.For(fake));

        await Eventually.TrueAsync(() => fake.Posts.Any(p => p.InReplyTo == mention), "the answer despite the errors");

        Assert.Equal(2, fake.RequestsSnapshot().Count(r => r.Status >= 500));
        Assert.Single(fake.Posts);
    }
}
