using Xunit.Abstractions;
using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;

namespace SupportBot.Social.Tests.Mastodon;

/// <summary>The Mastodon channel in the real host against the contract fake: poll → turn → posts.</summary>
public sealed class MastodonChannelTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mention_Complaint_OnePublicReplyWithoutDetailsAndTheRestInPrivate()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        var (_, statusId) = fake.AddMention("200", "priya@social.example",
            "<p><span class=\"h-card\"><a href=\"https://social.example/@alderfinch\" class=\"u-url mention\">@<span>alderfinch</span></a></span> my order 4411 arrived with a cracked screen &amp; I need it working by Friday</p>",
            displayName: "Priya Shah");
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));

        await Eventually.TrueAsync(() => fake.Posted.Any(p => p.Visibility == "direct"), "a private follow-up");

        var posted = fake.Posted.ToList();
        posted.ForEach(p => output.WriteLine($"{p.Visibility} → {p.InReplyToId}: {p.Text}"));
        var publicReply = Assert.Single(posted, p => p.Visibility == "public");
        Assert.Equal(statusId, publicReply.InReplyToId);
        Assert.StartsWith("@priya@social.example ", publicReply.Text);
        Assert.True(Connectors.Social.SocialTextLength.Mastodon(publicReply.Text) <= 500);
        Assert.DoesNotContain("4411", publicReply.Text);
        Assert.DoesNotContain("screen", publicReply.Text, StringComparison.OrdinalIgnoreCase);
        var direct = posted.Where(p => p.Visibility == "direct").ToList();
        Assert.All(direct, p => Assert.StartsWith("@priya@social.example ", p.Text));
        // The bot heard the story in private (HEAP reflects it back there, not in public).
        Assert.Contains(direct, p => p.Text.Contains("4411", StringComparison.Ordinal) || p.Text.Contains("screen", StringComparison.OrdinalIgnoreCase));
        Assert.All(posted, p => Assert.False(string.IsNullOrEmpty(p.IdempotencyKey)));
        Assert.Equal(posted.Count, posted.Select(p => p.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task Mention_Praise_ThanksInPublicOnly()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        var (_, statusId) = fake.AddMention("201", "jo@mastodon.example", "<p>@<span>alderfinch</span> Absolutely love my new kettle, brilliant service, thank you!</p>");
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));

        await Eventually.TrueAsync(() => !fake.Posted.IsEmpty, "the public thanks");
        // Two more polls: nothing else may follow.
        var requests = fake.RequestsSnapshot().Count;
        await Eventually.TrueAsync(() => fake.RequestsSnapshot().Count >= requests + 2, "two more polls");

        var reply = Assert.Single(fake.Posted);
        Assert.Equal("public", reply.Visibility);
        Assert.Equal(statusId, reply.InReplyToId);
        Assert.Contains("thank", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sorry", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DirectMessage_AnsweredInTheSameDirectThread()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        var (_, statusId) = fake.AddMention("202", "sam@example.social", "<p>@<span>alderfinch</span> what time does the Leeds store open on Saturday?</p>", visibility: "direct");
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));

        await Eventually.TrueAsync(() => !fake.Posted.IsEmpty, "a private answer");

        var reply = Assert.Single(fake.Posted);
        Assert.Equal("direct", reply.Visibility);
        Assert.Equal(statusId, reply.InReplyToId);
        Assert.StartsWith("@sam@example.social ", reply.Text);
    }

    [Fact]
    public async Task Poll_OtherNotificationTypes_Skipped()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        fake.AddFavourite("203", "fan@example.social");
        fake.AddMention("204", "kim@example.social", "<p>@<span>alderfinch</span> my parcel is missing, can you help?</p>");
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake));

        await Eventually.TrueAsync(() => fake.Posted.Any(p => p.Visibility == "direct"), "the answer to the mention");

        Assert.All(fake.RequestsSnapshot().Where(r => r.Target.StartsWith("/api/v1/notifications", StringComparison.Ordinal)),
            r => Assert.Contains("types[]=mention", Uri.UnescapeDataString(r.Target), StringComparison.Ordinal));
        Assert.DoesNotContain(fake.Posted, p => p.Text.Contains("@fan", StringComparison.Ordinal));
    }
}
