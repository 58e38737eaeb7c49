using SupportBot.Connectors.Email;

namespace SupportBot.Email.Tests;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Validate_NoImapHost_ChannelOffAndNothingToComplainAbout()
    {
        var options = new EmailOptions();

        Assert.False(options.Enabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_BadValues_EachErrorNamesItsKey()
    {
        var options = new EmailOptions
        {
            Imap = { Host = "imap.shop.example", Port = 0, Security = MailKit.Security.SecureSocketOptions.None, User = "support@shop.example", Password = "x" },
            Smtp = { Host = string.Empty, Port = 587 },
            SupportAddress = "support+x@shop.example",
            ReviewFolder = "INBOX",
            IdleRefresh = TimeSpan.FromMinutes(30),
            DailyCapPerSender = 0,
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Channels:Email:Imap:Port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Channels:Email:Imap:Security", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Channels:Email:Smtp:Host", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Channels:Email:SupportAddress", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Channels:Email:ReviewFolder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Channels:Email:IdleRefresh", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Channels:Email:DailyCapPerSender", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("x", StringComparison.Ordinal) && e.Contains("Password", StringComparison.Ordinal));
    }
}
