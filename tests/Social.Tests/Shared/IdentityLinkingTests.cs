using Microsoft.Extensions.DependencyInjection;
using SupportBot.Connectors.Social;
using SupportBot.Core.Support;
using SupportBot.Core.Support.Customers;
using SupportBot.Social.Tests.Fakes;
using SupportBot.Social.Tests.Infrastructure;
using SupportBot.Social.Tests.X;

namespace SupportBot.Social.Tests.Shared;

/// <summary>A social account is linked to a customer only in private and only with the one-time code mailed to the address on file.</summary>
public sealed class IdentityLinkingTests
{
    [Fact]
    public async Task LinkInPrivate_TypedEmailAloneLinksNothing_CodeFromTheMailLinks()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mailer = new RecordingMailer();
        await using var host = await SocialHost.StartAsync(XSettings.For(fake), services => services.AddSingleton<IOneTimeCodeMailer>(mailer));
        var customers = host.Services.GetRequiredService<SupportServices>().Customers;
        var identity = new ChannelIdentity("x", "555");

        await SayAsync(fake, "link", 1);
        Assert.Contains("email address", fake.SentDms.Last().Text, StringComparison.OrdinalIgnoreCase);
        await SayAsync(fake, "it's priya.shah@example.com", 2);
        Assert.Contains("If that address is on file", fake.SentDms.Last().Text, StringComparison.Ordinal);
        var code = Assert.Single(mailer.Sent);
        Assert.Equal("priya.shah@example.com", code.Address);
        Assert.DoesNotContain(fake.SentDms, d => d.Text.Contains(code.Code, StringComparison.Ordinal));
        // The typed address alone linked nothing.
        Assert.Null(await customers.LookupAsync(identity));

        await SayAsync(fake, code.Code == "000000" ? "111111" : "000000", 3);
        Assert.Contains("doesn't match", fake.SentDms.Last().Text, StringComparison.Ordinal);
        Assert.Null(await customers.LookupAsync(identity));

        await SayAsync(fake, code.Code, 4);
        Assert.Contains("linked", fake.SentDms.Last().Text, StringComparison.Ordinal);
        Assert.Equal("C-1002", (await customers.LookupAsync(identity))?.CustomerId);
    }

    [Fact]
    public async Task UnknownAddress_SameNeutralAnswer_NoCodeMailed()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mailer = new RecordingMailer();
        await using var host = await SocialHost.StartAsync(XSettings.For(fake), services => services.AddSingleton<IOneTimeCodeMailer>(mailer));

        await SayAsync(fake, "link my account", 1);
        await SayAsync(fake, "nobody@example.invalid", 2);

        Assert.Contains("If that address is on file", fake.SentDms.Last().Text, StringComparison.Ordinal);
        Assert.Empty(mailer.Sent);
    }

    [Fact]
    public async Task PublicMention_TypedEmail_NeverStartsLinking()
    {
        await using var fake = await FakeXServer.StartAsync();
        var mailer = new RecordingMailer();
        fake.AddMention("556", "impostor", "@AlderFinch link my account sam.rivera@example.com");
        await using var host = await SocialHost.StartAsync(XSettings.For(fake), services => services.AddSingleton<IOneTimeCodeMailer>(mailer));

        await Eventually.TrueAsync(() => !fake.Posts.IsEmpty && !fake.SentDms.IsEmpty, "the public reply and the private follow-up");

        Assert.Empty(mailer.Sent);
        Assert.DoesNotContain("sam.rivera", Assert.Single(fake.Posts).Text, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<SupportServices>().Customers.LookupAsync(new ChannelIdentity("x", "556")));
    }

    private static async Task SayAsync(FakeXServer fake, string text, int expectedAnswers)
    {
        fake.AddDirectMessage("555", "priya", text);
        await Eventually.TrueAsync(() => fake.SentDms.Count >= expectedAnswers, $"the answer to \"{text}\"");
    }
}
