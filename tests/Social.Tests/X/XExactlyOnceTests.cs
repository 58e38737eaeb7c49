using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Storage;
using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;

namespace SupportBot.Social.Tests.X;

/// <summary>since_id checkpoint, next_token paging, dedupe and the rotating refresh token, across restarts.</summary>
public sealed class XExactlyOnceTests
{
    [Fact]
    public async Task Burst_MorePagesThanOneAcrossARestart_EveryMentionAnsweredOnce()
    {
        const int burst = 130;
        using var data = new TempFolder();
        await using var fake = await FakeXServer.StartAsync();
        fake.PostDelay = TimeSpan.FromMilliseconds(40);
        var mentions = Enumerable.Range(0, burst)
            .Select(i => fake.AddMention($"{1000 + (i % 15)}", $"fan{i % 15}", $"@AlderFinch you are brilliant, great service number {i}, thank you!"))
            .ToList();

        await using (await SocialHost.StartAsync(XSettings.For(fake, data.Path)))
        {
            await Eventually.TrueAsync(() => fake.Posts.Count >= 5, "the first answers");
        }

        var beforeRestart = fake.Posts.Count;
        await using (await SocialHost.StartAsync(XSettings.For(fake, data.Path)))
        {
            await Eventually.TrueAsync(() => fake.Posts.Select(p => p.InReplyTo).Distinct().Count() == burst, "an answer to every mention", TimeSpan.FromMinutes(3));
            var polls = fake.RequestsSnapshot().Count;
            await Eventually.TrueAsync(() => fake.RequestsSnapshot().Count >= polls + 4, "more polls");
        }

        Assert.True(beforeRestart < burst, "the restart happened before the burst was done");
        var replies = fake.Posts.GroupBy(p => p.InReplyTo!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(mentions.Order(), replies.Keys.Order());
        Assert.All(replies, r => Assert.Equal(1, r.Value));
        // The burst was read through next_token (pages of 20), and the second life resumed with since_id.
        Assert.Contains(fake.RequestsSnapshot(), r => r.Target.Contains("pagination_token=p20", StringComparison.Ordinal));
        Assert.Contains(fake.RequestsSnapshot(), r => r.Target.Contains("since_id=", StringComparison.Ordinal) && r.Status == 200);
    }

    [Fact]
    public async Task RefreshTokens_RotatedAndStoredBeforeUse_RestartUsesTheStoredOne()
    {
        using var data = new TempFolder();
        // Tokens that live 62 s are refreshed a minute early: nearly every request rotates the pair.
        await using var fake = await FakeXServer.StartAsync(tokenLifetimeSeconds: 62);
        var violations = new List<string>();
        SocialHost? current = null;
        fake.OnFirstUseAsync = async token =>
        {
            if (current is null)
            {
                return;
            }

            var items = await current.Services.GetRequiredService<IStorage>().ReadAsync(["social/x/oauth2"]);
            var stored = items.TryGetValue("social/x/oauth2", out var item) ? item.Value.GetProperty("refreshToken").GetString() : null;
            var expected = "refresh-" + token["access-".Length..];
            if (stored != expected)
            {
                violations.Add($"{token} used while the store held {stored ?? "nothing"}");
            }
        };
        fake.AddMention("50", "ana", "@AlderFinch fantastic delivery, thank you!");

        await using (current = await SocialHost.StartAsync(XSettings.For(fake, data.Path)))
        {
            await Eventually.TrueAsync(() => !fake.Posts.IsEmpty && fake.Refreshes >= 3, "answers and several rotations");
        }

        // The configured refresh-0 is void by now, and so is every access token: only the stored, newest
        // refresh token can work after the restart.
        var rotations = fake.Refreshes;
        fake.RevokeAccessTokens();
        fake.AddMention("51", "ben", "@AlderFinch lovely staff in Bristol, thanks!");
        await using (current = await SocialHost.StartAsync(XSettings.For(fake, data.Path)))
        {
            await Eventually.TrueAsync(() => fake.Posts.Count == 2, "the answer after the restart");
        }

        Assert.True(fake.Refreshes > rotations);
        Assert.Empty(violations);
        // Only the revoked access token was refused (once per polling loop at most), then the stored refresh token worked.
        Assert.InRange(fake.Unauthorized, 1, 2);
    }
}
