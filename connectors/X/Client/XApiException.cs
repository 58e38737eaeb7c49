using System.Net;

namespace SupportBot.Connectors.X.Client;

/// <summary>The X API refused a request (after the retries the rate-limit handler allows).</summary>
public sealed class XApiException(HttpStatusCode status, string? detail)
    : HttpRequestException($"X answered {(int)status}: {detail ?? "(no detail)"}", null, status)
{
    /// <summary>X refused a post that repeats a recent one (403, §6).</summary>
    public bool IsDuplicateContent => StatusCode == HttpStatusCode.Forbidden && Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase);
}
