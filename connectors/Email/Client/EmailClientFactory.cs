using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace SupportBot.Connectors.Email.Client;

/// <summary>Opens signed-in IMAP and SMTP connections with the configured security and credentials.</summary>
internal interface IEmailClientFactory
{
    Task<ImapClient> ConnectImapAsync(CancellationToken cancellationToken = default);

    Task<SmtpClient> ConnectSmtpAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// MailKit clients for <see cref="EmailOptions"/>: XOAUTH2 when an access token is configured (Microsoft 365,
/// Gmail), the password otherwise, no sign-in when neither is set. Timeouts keep a dead server from
/// hanging the watcher. Credentials are read at every connection, so a reloading configuration source
/// (a mounted secrets file) can rotate an expiring access token without a restart.
/// </summary>
internal sealed class EmailClientFactory(IOptionsMonitor<EmailOptions> options) : IEmailClientFactory
{
    private static readonly int TimeoutMs = (int)TimeSpan.FromSeconds(60).TotalMilliseconds;

    public async Task<ImapClient> ConnectImapAsync(CancellationToken cancellationToken = default)
    {
        var client = new ImapClient { Timeout = TimeoutMs };
        try
        {
            await SignInAsync(client, options.CurrentValue.Imap, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<SmtpClient> ConnectSmtpAsync(CancellationToken cancellationToken = default)
    {
        var client = new SmtpClient { Timeout = TimeoutMs };
        try
        {
            await SignInAsync(client, options.CurrentValue.Smtp, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task SignInAsync(IMailService client, EmailServerOptions server, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(server.Host, server.Port, server.Security, cancellationToken).ConfigureAwait(false);
        if (server.AccessToken.Length > 0)
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(server.User, server.AccessToken), cancellationToken).ConfigureAwait(false);
        }
        else if (server.User.Length > 0)
        {
            await client.AuthenticateAsync(server.User, server.Password, cancellationToken).ConfigureAwait(false);
        }
    }
}
