namespace SupportBot.Connectors.Social.Http;

/// <summary>What a response said about its rate-limit window (any part may be missing).</summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Reset">When the window resets.</param>
public sealed record RateLimitReading(int? Limit, int? Remaining, DateTimeOffset? Reset);
