using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.BotService.Tests.Infrastructure;

/// <summary>Keeps every log entry (level, event id, category, message) for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, eventId.Id, category, formatter(state, exception)));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(LogLevel Level, int EventId, string Category, string Message);
