namespace SupportBot.Dialogs.Prompts;

/// <summary>The choice a <see cref="ChoicePrompt"/> recognised.</summary>
/// <param name="Value">The choice's <see cref="Choice.Value"/>.</param>
/// <param name="Index">The zero-based position of the choice in <see cref="PromptOptions.Choices"/>.</param>
/// <param name="Score">How close the match was: 1 for an exact value, synonym or number, less for a partial match.</param>
public sealed record FoundChoice(string Value, int Index, double Score);
