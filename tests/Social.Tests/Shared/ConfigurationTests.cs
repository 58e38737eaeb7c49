using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.Social;
using SupportBot.Core.Delivery;
using SupportBot.Social.Tests.Infrastructure;

namespace SupportBot.Social.Tests.Shared;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task NotConfigured_HostStartsWithoutSocialChannels()
    {
        await using var host = await SocialHost.StartAsync(new Dictionary<string, string?>());

        Assert.Null(host.Services.GetService<SocialTurnRunner>());
        // (The Bot Connector sender claims any channel nobody else sends for; no X or Mastodon sender is there.)
        Assert.DoesNotContain(host.Services.GetServices<IChannelSender>(), s => s.GetType().Namespace is "SupportBot.Connectors.X" or "SupportBot.Connectors.Mastodon");
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s.GetType().Namespace?.StartsWith("SupportBot.Connectors.X", StringComparison.Ordinal) == true
            || s.GetType().Namespace?.StartsWith("SupportBot.Connectors.Mastodon", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Channels:Mastodon:InstanceUrl", "https://mastodon.example", "Channels:Mastodon:AccessToken")]
    [InlineData("Channels:Mastodon:InstanceUrl", "ftp://mastodon.example", "Channels:Mastodon:InstanceUrl")]
    [InlineData("Channels:X:Auth", "OAuth2", "Channels:X:ClientId")]
    [InlineData("Channels:X:Auth", "OAuth1", "Channels:X:ConsumerKey")]
    [InlineData("Channels:X:Auth", "Basic", "Channels:X:Auth")]
    public async Task BadConfiguration_StartFailsNamingTheKey(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SocialHost.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
