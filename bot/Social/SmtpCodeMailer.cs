using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Connectors.Email;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Social;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Bot.Social;

/// <summary>
/// Mails a one-time code to the address on file through the email channel's SMTP server (issue 8,
/// point 4), from the support address, marked <c>Auto-Submitted: auto-generated</c>. The code goes only
/// into this mail, never into a conversation or a log.
/// </summary>
internal sealed class SmtpCodeMailer(IEmailClientFactory clients, IOptions<EmailOptions> options, IOptions<Dialogs.Heap.Policy.ServicePolicyOptions> policy) : IOneTimeCodeMailer
{
    public async Task SendAsync(VerificationCode code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var brand = policy.Value.BrandName;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.SupportName, options.Value.SupportAddress));
        message.To.Add(MailboxAddress.Parse(code.Address));
        message.Subject = $"Your {brand} verification code";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain")
        {
            Text = $"Your one-time code is {code.Code}.\n\nSend it in the private conversation where you asked to link your social account to your {brand} customer record. " +
                $"It works once and expires at {code.ExpiresAt:HH:mm} UTC.\n\nIf you did not ask for this, ignore this mail: nothing is linked without the code.\n",
        };
        using var client = await clients.ConnectSmtpAsync(cancellationToken).ConfigureAwait(false);
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
