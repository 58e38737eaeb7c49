namespace SupportBot.Connectors.DirectLine.Tokens;

/// <summary>The outcome of checking a credential; <see cref="Caller"/> is set only when it is valid.</summary>
internal readonly record struct CredentialCheck(CredentialStatus Status, DirectLineCaller? Caller = null);

internal enum CredentialStatus
{
    Valid,

    /// <summary>No credential, or not a bearer credential: 401.</summary>
    Missing,

    /// <summary>Neither the secret nor a token this server signed: 403.</summary>
    Invalid,

    /// <summary>A genuine token past its expiry: 403 TokenExpired.</summary>
    Expired,
}
