using MailKit.Security;

namespace SupportBot.Connectors.Email;

/// <summary>One mail server (IMAP or SMTP): where it is, how the connection is secured, and how we sign in.</summary>
public sealed class EmailServerOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; }

    /// <summary><c>SslOnConnect</c> (993/465), <c>StartTls</c> (143/587), <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c> (tests on loopback only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string User { get; set; } = string.Empty;

    /// <summary><b>Secret</b>: the password or app password; set it through the environment, never in the file.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary><b>Secret</b>: an OAuth 2.0 access token; when set, the client signs in with XOAUTH2 instead of the password.</summary>
    public string AccessToken { get; set; } = string.Empty;

    internal void Validate(string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{key}:{nameof(Host)} must be set when the email channel is on.");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"{key}:{nameof(Port)} must be between 1 and 65535 (was {Port}).");
        }

        if (string.IsNullOrEmpty(User) && (Password.Length > 0 || AccessToken.Length > 0))
        {
            errors.Add($"{key}:{nameof(User)} must be set with a password or access token.");
        }

        if (Security == SecureSocketOptions.None && !IsLoopback(Host) && (Password.Length > 0 || AccessToken.Length > 0))
        {
            errors.Add($"{key}:{nameof(Security)} None would send the credentials in clear text to '{Host}'; use SslOnConnect or StartTls.");
        }
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
