namespace SupportBot.Dialogs;

/// <summary>What a call into the dialog stack came to.</summary>
/// <param name="Status">Whether the stack waits for input, completed, was cancelled or was empty.</param>
/// <param name="Result">The value the last dialog ended with, when <paramref name="Status"/> is Complete.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
