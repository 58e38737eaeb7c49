namespace SupportBot.Connectors.Console;

/// <summary>An outbox entry belongs to a console conversation this process is not attached to; it stays pending.</summary>
public sealed class ConsoleNotAttachedException(string? conversationId)
    : InvalidOperationException($"This console is not attached to conversation '{conversationId}'.")
{
    public string? ConversationId { get; } = conversationId;
}
