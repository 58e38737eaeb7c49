using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>Agent replies travel to whatever channel the customer used, through that channel's sender.</summary>
public sealed class HandoffChannelTests
{
    [Theory]
    [InlineData("email", "sam.rivera@example.com")]
    [InlineData("mastodon", "@priya@social.example")]
    [InlineData("directline", "dl_123")]
    public async Task SendToCustomerAsync_AnyChannel_DeliveredInTheCustomersConversation(string channel, string userId)
    {
        using var harness = new HandoffHarness { Channel = channel, UserId = userId };
        var handoffCase = await harness.HandOverAsync("thread-1");
        await harness.Service.AcceptAsync(handoffCase.Id, HandoffHarness.Ana);

        await harness.Service.SendToCustomerAsync(handoffCase.Id, HandoffHarness.Ana, "Hello from Ana.");

        var reply = harness.CustomerReceived("thread-1").Last();
        Assert.Equal("Hello from Ana.", reply.Text);
        Assert.Equal(channel, reply.ChannelId);
        Assert.Equal("thread-1", reply.Conversation!.Id);
        Assert.Equal(userId, reply.Recipient!.Id);
        Assert.Equal(RoleTypes.Bot, reply.From!.Role);
        Assert.Equal(channel, handoffCase.ChannelId);
    }
}
