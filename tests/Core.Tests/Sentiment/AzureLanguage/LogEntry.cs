using Microsoft.Extensions.Logging;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>One captured log entry.</summary>
internal sealed record LogEntry(LogLevel Level, int EventId, string Message, string Values, string? Exception);
