using SupportBot.Core.Support.Customers;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Sends a one-time code to the email address on file (issue 8, point 4). Without one registered, the
/// social channels cannot link an account and say so.
/// </summary>
public interface IOneTimeCodeMailer
{
    Task SendAsync(VerificationCode code, CancellationToken cancellationToken = default);
}
