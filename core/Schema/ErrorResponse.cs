namespace SupportBot.Core.Schema;

/// <summary>The error body every SupportBot endpoint answers with: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(Error Error)
{
    public static ErrorResponse Of(string code, string message) => new(new Error(code, message));
}

/// <summary>A machine-readable code and a human-readable message.</summary>
public sealed record Error(string Code, string Message);

/// <summary>Error codes used in <see cref="Error.Code"/>.</summary>
public static class ErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string BadSyntax = "BadSyntax";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string ServiceError = "ServiceError";
}
