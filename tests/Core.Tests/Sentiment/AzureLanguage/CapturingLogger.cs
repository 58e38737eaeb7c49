using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>Keeps every log entry at every level, formatted, with its state and exception text.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("|", pairs.Select(p => $"{p.Key}={p.Value}"))
            : string.Empty;
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString()));
    }

    /// <summary>Everything a log sink could see: message, structured values, exception.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => $"{e.Message}\n{e.Values}\n{e.Exception}"));
}
