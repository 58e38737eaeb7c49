namespace SupportBot.Core.Support.Customers;

/// <summary>Why a one-time code was or was not accepted.</summary>
public enum VerificationStatus
{
    /// <summary>Right code, in time, first use.</summary>
    Verified,

    /// <summary>Not the code issued; the customer may try again while attempts are left.</summary>
    WrongCode,

    /// <summary>The code's lifetime has passed; issue a new one.</summary>
    Expired,

    /// <summary>The code was already used; issue a new one.</summary>
    AlreadyUsed,

    /// <summary>Too many wrong tries on this code; issue a new one.</summary>
    TooManyAttempts,

    /// <summary>No code was issued to this requester.</summary>
    NoCodeIssued,
}
