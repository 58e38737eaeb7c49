using MailKit.Security;

namespace SupportBot.Connectors.Email;

/// <summary>
/// The <c>Channels:Email</c> section: the support mailbox watched over IMAP and the SMTP server the
/// replies leave through. The channel is off until <see cref="Imap"/> names a host.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Channels:Email";

    /// <summary>The channel id of every email conversation.</summary>
    public const string ChannelId = "email";

    /// <summary>The mailbox the customers write to (IMAP).</summary>
    public EmailServerOptions Imap { get; set; } = new() { Port = 993, Security = SecureSocketOptions.SslOnConnect };

    /// <summary>The server the bot's replies are submitted to (SMTP).</summary>
    public EmailServerOptions Smtp { get; set; } = new() { Port = 587, Security = SecureSocketOptions.StartTls };

    /// <summary>The folder watched for new mail.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where oversized or unreadable mail is moved for a person to look at (created when missing).</summary>
    public string ReviewFolder { get; set; } = "SupportBot Review";

    /// <summary>How often the folder is checked when the server offers no IDLE (and as a safety net when it does).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>IDLE is re-issued after this long (RFC 2177: servers may drop an IDLE after 30 minutes).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(25);

    /// <summary>Longest wait between reconnection attempts (the wait doubles from one second up to this).</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The support address: replies come from it, and <c>local+&lt;conversation&gt;@domain</c> is the reply address.</summary>
    public string SupportAddress { get; set; } = string.Empty;

    /// <summary>The display name on the bot's mails.</summary>
    public string SupportName { get; set; } = "Customer Support";

    /// <summary>Automatic replies per sender address and UTC day; later mails that day are kept but not answered.</summary>
    public int DailyCapPerSender { get; set; } = 20;

    /// <summary>Mails larger than this (bytes, as the server reports them) are not read but moved to <see cref="ReviewFolder"/>.</summary>
    public long MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>True when the channel is configured (an IMAP host is set).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Imap.Host);

    /// <summary>The problems with these settings, each naming its key; empty when usable or when the channel is off.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled)
        {
            return errors;
        }

        var prefix = SectionName + ":";
        Imap.Validate(prefix + nameof(Imap), errors);
        Smtp.Validate(prefix + nameof(Smtp), errors);
        if (!MimeKit.MailboxAddress.TryParse(SupportAddress, out var support) || support.Domain.Length == 0 || support.LocalPart.Contains('+', StringComparison.Ordinal))
        {
            errors.Add($"{prefix}{nameof(SupportAddress)} must be a plain address such as support@example.com (was '{SupportAddress}').");
        }

        if (string.IsNullOrWhiteSpace(Folder))
        {
            errors.Add($"{prefix}{nameof(Folder)} must name a folder (e.g. INBOX).");
        }

        if (string.IsNullOrWhiteSpace(ReviewFolder) || string.Equals(ReviewFolder, Folder, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{prefix}{nameof(ReviewFolder)} must name a folder other than {nameof(Folder)}.");
        }

        if (PollInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{prefix}{nameof(PollInterval)} must be at least one second (was {PollInterval}).");
        }

        if (IdleRefresh <= TimeSpan.Zero || IdleRefresh >= TimeSpan.FromMinutes(29))
        {
            errors.Add($"{prefix}{nameof(IdleRefresh)} must be positive and under 29 minutes (was {IdleRefresh}).");
        }

        if (ReconnectMaxDelay < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{prefix}{nameof(ReconnectMaxDelay)} must be at least one second (was {ReconnectMaxDelay}).");
        }

        if (DailyCapPerSender < 1)
        {
            errors.Add($"{prefix}{nameof(DailyCapPerSender)} must be at least 1 (was {DailyCapPerSender}).");
        }

        if (MaxMessageBytes < 1024)
        {
            errors.Add($"{prefix}{nameof(MaxMessageBytes)} must be at least 1024 (was {MaxMessageBytes}).");
        }

        return errors;
    }
}
