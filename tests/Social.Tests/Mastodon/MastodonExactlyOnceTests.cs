using Microsoft.Extensions.DependencyInjection;
using SupportBot.Connectors.Social;
using SupportBot.Core.Storage;
using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;

namespace SupportBot.Social.Tests.Mastodon;

/// <summary>Checkpoint, paging and dedupe: every mention answered exactly once, across pages and restarts.</summary>
public sealed class MastodonExactlyOnceTests
{
    private const int Burst = 95;

    [Fact]
    public async Task Burst_MoreThanTwoPagesAcrossARestart_EveryMentionAnsweredOnce()
    {
        using var data = new TempFolder();
        await using var fake = await FakeMastodonServer.StartAsync();
        fake.PostDelay = TimeSpan.FromMilliseconds(40);
        var mentions = Enumerable.Range(0, Burst)
            .Select(i => fake.AddMention($"{300 + (i % 12)}", $"customer{i % 12}@example.social", $"<p>@<span>alderfinch</span> love it, fantastic service number {i}, thank you!</p>"))
            .ToList();

        // First life: stopped as soon as some mentions are answered (whatever it was doing).
        await using (await SocialHost.StartAsync(MastodonSettings.For(fake, data.Path)))
        {
            await Eventually.TrueAsync(() => fake.Posted.Count >= 5, "the first answers");
        }

        var beforeRestart = fake.Posted.Count;
        await using (await SocialHost.StartAsync(MastodonSettings.For(fake, data.Path)))
        {
            await Eventually.TrueAsync(() => PublicRepliesTo(fake).Count == Burst, "an answer to every mention", TimeSpan.FromMinutes(3));
            var polls = fake.RequestsSnapshot().Count;
            await Eventually.TrueAsync(() => fake.RequestsSnapshot().Count >= polls + 2, "two more polls");
        }

        var replies = PublicRepliesTo(fake);
        Assert.True(beforeRestart < Burst, "the restart happened before the burst was done");
        Assert.Equal(mentions.Select(m => m.StatusId).Order(), replies.Keys.Order());
        Assert.All(replies, r => Assert.Equal(1, r.Value));
        // Paged forward from the checkpoint with min_id, more than one page.
        var pages = fake.RequestsSnapshot().Where(r => r.Target.Contains("min_id=", StringComparison.Ordinal) && r.Status == 200).ToList();
        var pageStarts = pages.Select(r => r.Target[(r.Target.IndexOf("min_id=", StringComparison.Ordinal) + 7)..]).Distinct().ToList();
        Assert.True(pageStarts.Count >= 3, $"paged from {pageStarts.Count} positions");
        Assert.DoesNotContain(fake.RequestsSnapshot(), r => r.Target.Contains("since_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrashBetweenCommitAndCheckpoint_MentionReadAgain_AnsweredOnce()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        var first = fake.AddMention("400", "ana@example.social", "<p>@<span>alderfinch</span> brilliant delivery, thank you so much!</p>");
        var second = fake.AddMention("401", "ben@example.social", "<p>@<span>alderfinch</span> great staff in Leeds, lovely!</p>");
        FailingCheckpointStorage? failing = null;
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake), services =>
            services.AddSingleton(sp => new SocialCheckpoints(failing = new FailingCheckpointStorage(sp.GetRequiredService<IStorage>()) { FailWrites = 2 }, TimeProvider.System)));

        await Eventually.TrueAsync(() => PublicRepliesTo(fake).Count == 2, "both answered");
        await Eventually.TrueAsync(() => failing is { Failed: >= 4 }, "the checkpoint written after the failures");

        var replies = PublicRepliesTo(fake);
        Assert.Equal(1, replies[first.StatusId]);
        Assert.Equal(1, replies[second.StatusId]);
        // The failed checkpoint writes made the poller read the first mention again.
        Assert.True(fake.RequestsSnapshot().Count(r => r.Target.Contains("min_id=0", StringComparison.Ordinal)) >= 2);
    }

    private static Dictionary<string, int> PublicRepliesTo(FakeMastodonServer fake) =>
        fake.Posted.Where(p => p.Visibility == "public" && p.InReplyToId is not null)
            .GroupBy(p => p.InReplyToId!)
            .ToDictionary(g => g.Key, g => g.Count());
}
