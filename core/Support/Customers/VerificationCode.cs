namespace SupportBot.Core.Support.Customers;

/// <summary>A one-time code to mail to the address on file. Never show <see cref="Code"/> in the conversation or a log.</summary>
/// <param name="Address">The email address on file to send it to.</param>
/// <param name="Code">Six digits.</param>
/// <param name="ExpiresAt">When it stops working, UTC.</param>
public sealed record VerificationCode(string Address, string Code, DateTimeOffset ExpiresAt)
{
    /// <summary>Redacts the code so the record can be logged.</summary>
    public override string ToString() => $"VerificationCode {{ Address = {Address}, Code = ******, ExpiresAt = {ExpiresAt:O} }}";
}
