namespace SupportBot.Core.Support.Customers;

/// <summary>
/// Who the customer is, remembered across conversations and channels. Data is released only for an
/// identity the channel itself vouches for (<see cref="LookupAsync"/>) or after a one-time code sent to
/// the address on file (<see cref="IssueCodeAsync"/>, <see cref="VerifyCodeAsync"/>); text the customer
/// types (an email address, an order number) never identifies them by itself.
/// </summary>
public interface ICustomerService
{
    /// <summary>
    /// The customer linked to <paramref name="identity"/>, or null. Pass only what the channel vouches for:
    /// the activity's channel id and <c>From.Id</c> (web-chat user id, the email sender address, the
    /// social account), never an address or name the customer typed.
    /// </summary>
    Task<CustomerProfile?> LookupAsync(ChannelIdentity identity, CancellationToken cancellationToken = default);

    /// <summary>The customer with <paramref name="customerId"/> (e.g. <c>C-1001</c>), or null.</summary>
    Task<CustomerProfile?> GetAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Remembers a new customer under a channel-vouched <paramref name="identity"/>; when the identity is
    /// already linked, returns that customer unchanged.
    /// </summary>
    Task<CustomerProfile> RegisterAsync(ChannelIdentity identity, string name, CancellationToken cancellationToken = default);

    /// <summary>Stores the outcome of the customer's latest conversation (e.g. <c>resolved-first-contact</c>, <c>escalated</c>).</summary>
    Task RecordOutcomeAsync(string customerId, string outcome, CancellationToken cancellationToken = default);

    /// <summary>
    /// Issues a one-time code binding <paramref name="requester"/> to the customer whose email on file is
    /// <paramref name="emailAddress"/>; the caller mails <see cref="VerificationCode.Code"/> to that address
    /// (never shows it in the conversation). Null when no customer has that address: tell the customer
    /// neutrally "if the address is on file, a code is on its way" either way. A new code replaces the
    /// requester's previous one.
    /// </summary>
    Task<VerificationCode?> IssueCodeAsync(ChannelIdentity requester, string emailAddress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the code <paramref name="requester"/> typed against the one issued to them. A code works once,
    /// until it expires, and only for a limited number of tries. On success the requester may be linked
    /// to the customer with <see cref="LinkIdentityAsync"/> for a while (see options).
    /// </summary>
    Task<VerificationResult> VerifyCodeAsync(ChannelIdentity requester, string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links <paramref name="identity"/> to <paramref name="customerId"/> so later conversations on that
    /// identity are recognised. Refused (<see cref="LinkResult.NotVerified"/>) unless that identity has
    /// verified a code for that customer recently.
    /// </summary>
    Task<LinkResult> LinkIdentityAsync(ChannelIdentity identity, string customerId, CancellationToken cancellationToken = default);
}
