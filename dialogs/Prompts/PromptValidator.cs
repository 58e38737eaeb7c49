namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Decides whether a prompt accepts the user's answer. Return false to send the retry prompt (unless the
/// validator sent its own reply); return true to end the prompt with the recognised value.
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
