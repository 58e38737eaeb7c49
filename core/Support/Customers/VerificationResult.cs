namespace SupportBot.Core.Support.Customers;

/// <summary>The outcome of <see cref="ICustomerService.VerifyCodeAsync"/>.</summary>
/// <param name="Status">Verified, or why not.</param>
/// <param name="CustomerId">The customer proven, when verified.</param>
/// <param name="AttemptsLeft">Tries left for the current code (0 once used, expired or exhausted).</param>
public sealed record VerificationResult(VerificationStatus Status, string? CustomerId, int AttemptsLeft)
{
    /// <summary>Whether the code was right.</summary>
    public bool Verified => Status == VerificationStatus.Verified;
}
