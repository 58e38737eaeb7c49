using Microsoft.Extensions.Logging;

namespace SupportBot.Dialogs.Tests.Infrastructure;

/// <summary>Keeps the exceptions the adapter logs, so a failed turn shows its cause instead of only the apology.</summary>
internal sealed class ExceptionLogger<T> : ILogger<T>
{
    public List<Exception> Exceptions { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is not null)
        {
            Exceptions.Add(exception);
        }
    }
}
