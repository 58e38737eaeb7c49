using SupportBot.Connectors.Social;
using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Social.Tests.X;

/// <summary>The X channel in the real host against the contract fake.</summary>
public sealed class XChannelTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mention_Complaint_OneShortPublicReplyAndTheStoryInADirectMessage()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mention = fake.AddMention("42", "samrivera", "@AlderFinch my order 4411 arrived with a cracked screen and I need it by Friday", "Sam Rivera");
        await using var host = await SocialHost.StartAsync(XSettings.For(fake));

        await Eventually.TrueAsync(() => !fake.SentDms.IsEmpty && !fake.Posts.IsEmpty, "a public reply and a direct message");

        foreach (var post in fake.Posts)
        {
            output.WriteLine($"public → {post.InReplyTo}: {post.Text}");
        }

        foreach (var dm in fake.SentDms)
        {
            output.WriteLine($"dm → {dm.ParticipantId}: {dm.Text}");
        }

        var reply = Assert.Single(fake.Posts);
        Assert.Equal(mention, reply.InReplyTo);
        Assert.True(SocialTextLength.X(reply.Text) <= 280);
        Assert.DoesNotContain("4411", reply.Text);
        Assert.DoesNotContain("screen", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.All(fake.SentDms, dm => Assert.Equal("42", dm.ParticipantId));
        Assert.Contains(fake.SentDms, dm => dm.Text.Contains("4411", StringComparison.Ordinal));
        Assert.Equal(0, fake.Unauthorized);
    }

    [Fact]
    public async Task Mention_Praise_ThanksOnly()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mention = fake.AddMention("43", "happycustomer", "@AlderFinch what a brilliant shopping experience today, the staff were wonderful!");
        await using var host = await SocialHost.StartAsync(XSettings.For(fake));

        await Eventually.TrueAsync(() => !fake.Posts.IsEmpty, "the thanks");
        var polls = fake.RequestsSnapshot().Count;
        await Eventually.TrueAsync(() => fake.RequestsSnapshot().Count >= polls + 4, "more polls");

        var reply = Assert.Single(fake.Posts);
        Assert.Equal(mention, reply.InReplyTo);
        Assert.Contains("thank", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(fake.SentDms);
    }

    [Fact]
    public async Task DirectMessage_AnsweredByDirectMessage_OwnMessagesNotAnswered()
    {
        await using var fake = await FakeXServer.StartAsync();
        fake.AddDirectMessage("44", "mei", "Hi, what time does the Leeds store open on Saturday?");
        await using var host = await SocialHost.StartAsync(XSettings.For(fake));

        await Eventually.TrueAsync(() => !fake.SentDms.IsEmpty, "the answer");
        var polls = fake.RequestsSnapshot().Count(r => r.Target.StartsWith("/2/dm_events", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => fake.RequestsSnapshot().Count(r => r.Target.StartsWith("/2/dm_events", StringComparison.Ordinal)) >= polls + 2, "two more DM reads");

        var answer = Assert.Single(fake.SentDms);
        Assert.Equal("44", answer.ParticipantId);
        Assert.Empty(fake.Posts);
    }

    [Fact]
    public async Task OAuth1_EveryRequestSigned_AcceptedByTheSignatureCheck()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mention = fake.AddMention("45", "priya", "@AlderFinch lovely service & great prices, thank you!");
        await using var host = await SocialHost.StartAsync(XSettings.For(fake, oauth1: true));

        await Eventually.TrueAsync(() => !fake.Posts.IsEmpty, "the reply");

        Assert.Equal(mention, Assert.Single(fake.Posts).InReplyTo);
        Assert.Equal(0, fake.Unauthorized);
        Assert.Equal(0, fake.Refreshes);
    }

    [Fact]
    public async Task OAuth1_WrongSecret_RefusedAndNothingPosted()
    {
        await using var fake = await FakeXServer.StartAsync();
        fake.AddMention("46", "omar", "@AlderFinch superb service, thanks!");
        var settings = XSettings.For(fake, oauth1: true);
        settings["Channels:X:ConsumerSecret"] = "not-the-secret";
        await using var host = await SocialHost.StartAsync(settings);

        await Eventually.TrueAsync(() => fake.Unauthorized >= 2, "refused requests");

        Assert.Empty(fake.Posts);
    }
}
