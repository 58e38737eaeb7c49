using Microsoft.Extensions.DependencyInjection;
using SupportBot.Connectors.Social;
using SupportBot.Core.Handoff;
using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;
using SupportBot.Social.Tests.Mastodon;
using SupportBot.Social.Tests.X;

namespace SupportBot.Social.Tests.Shared;

/// <summary>An upset public mention: answered in public first, then handed to a person with the public thread; the agent's words go private.</summary>
public sealed class EscalationTests
{
    [Fact]
    public async Task UpsetMentionOnX_PublicReplyThenHandoffWithThePublicThread_AgentReplyByDirectMessage()
    {
        await using var fake = await FakeXServer.StartAsync();
        var hub = new RecordingHub();
        var mention = fake.AddMention("77", "furious", "@AlderFinch THIRD time asking!! Where is my refund?? You are absolutely useless, I want to speak to a manager NOW", "Riley Furious");
        await using var host = await SocialHost.StartAsync(XSettings.For(fake), services => services.AddSingleton<IAgentHub>(hub));

        await Eventually.TrueAsync(() => !hub.Initiated.IsEmpty, "the handoff reaching the hub");

        var reply = Assert.Single(fake.Posts);
        Assert.Equal(mention, reply.InReplyTo);
        Assert.Contains("sorry", reply.Text, StringComparison.OrdinalIgnoreCase);
        var (handoffCase, initiate) = Assert.Single(hub.Initiated);
        Assert.Equal("x", handoffCase.Reference.ChannelId);
        Assert.Equal("77", handoffCase.Reference.Conversation?.Id);
        // The public thread is in the context: the mention as posted (public, with its address) and the public reply.
        var transcript = handoffCase.Context.Transcript;
        var publicMention = Assert.Single(transcript, a => a.Id == mention);
        Assert.Contains("refund", publicMention.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(SocialChannelData.Of(publicMention)?.IsPublic);
        Assert.Contains($"/status/{mention}", SocialChannelData.Of(publicMention)?.Url, StringComparison.Ordinal);
        Assert.Contains(transcript, a => a.From?.Role == "bot" && SocialChannelData.Of(a) is { IsPublic: true, InReplyTo: var to } && to == mention);
        Assert.Equal(HandoffEvents.Initiate, initiate.Name);

        var handoff = host.Services.GetRequiredService<HandoffService>();
        var agent = new AgentRef("agent-1", "Ana", "desk");
        Assert.Equal(AcceptOutcome.Accepted, (await handoff.AcceptAsync(handoffCase.Id, agent)).Outcome);
        Assert.Equal(HandoffActionOutcome.Done, await handoff.SendToCustomerAsync(handoffCase.Id, agent, "Hi Riley, Ana here. I'm sorry for the wait, I'm looking at your refund right now."));

        await Eventually.TrueAsync(() => fake.SentDms.Any(d => d.Text.Contains("Ana here", StringComparison.Ordinal)), "the agent's words in a direct message");
        Assert.All(fake.SentDms, d => Assert.Equal("77", d.ParticipantId));
        Assert.Single(fake.Posts);
    }

    [Fact]
    public async Task UpsetMentionOnMastodon_HandedOver_AgentReplyIsADirectStatusNamingTheCustomer()
    {
        await using var fake = await FakeMastodonServer.StartAsync();
        var hub = new RecordingHub();
        var (_, statusId) = fake.AddMention("88", "angry@social.example", "<p>@<span>alderfinch</span> this is RIDICULOUS, third week waiting for my parcel and nobody answers. Worst service ever, I'm done with you!!</p>");
        await using var host = await SocialHost.StartAsync(MastodonSettings.For(fake), services => services.AddSingleton<IAgentHub>(hub));

        await Eventually.TrueAsync(() => !hub.Initiated.IsEmpty, "the handoff reaching the hub");
        var (handoffCase, _) = Assert.Single(hub.Initiated);
        Assert.Contains(handoffCase.Context.Transcript, a => a.Id == statusId && SocialChannelData.Of(a) is { IsPublic: true });

        var handoff = host.Services.GetRequiredService<HandoffService>();
        var agent = new AgentRef("agent-2", "Sol", "teams");
        await handoff.AcceptAsync(handoffCase.Id, agent);
        await handoff.SendToCustomerAsync(handoffCase.Id, agent, "Sol here from the team, I've found your parcel.");

        await Eventually.TrueAsync(() => fake.Posted.Any(p => p.Text.Contains("Sol here", StringComparison.Ordinal)), "the agent's words");
        var agentStatus = Assert.Single(fake.Posted, p => p.Text.Contains("Sol here", StringComparison.Ordinal));
        Assert.Equal("direct", agentStatus.Visibility);
        Assert.StartsWith("@angry@social.example ", agentStatus.Text);
        Assert.Single(fake.Posted, p => p.Visibility == "public");
    }
}
