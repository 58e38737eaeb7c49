namespace SupportBot.Connectors.BotService.Authentication;

/// <summary>
/// The verdict on one inbound call: success, or the HTTP status (401 for a missing or invalid token, 403
/// for a valid token that does not cover this activity) and a reason fit for the log (never the token).
/// </summary>
public sealed record AuthenticationResult(bool Succeeded, int StatusCode, string Reason)
{
    public static readonly AuthenticationResult Success = new(true, 200, "ok");

    /// <summary>Unauthenticated mode: no token was asked for.</summary>
    public static readonly AuthenticationResult Anonymous = new(true, 200, "unauthenticated mode");

    public static AuthenticationResult Unauthorized(string reason) => new(false, 401, reason);

    public static AuthenticationResult Forbidden(string reason) => new(false, 403, reason);
}
