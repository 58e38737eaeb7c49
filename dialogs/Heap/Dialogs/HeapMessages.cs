using SupportBot.Core.Schema;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>Builds the bot's messages: text, and for questions with options both buttons and an inline list (for channels without buttons).</summary>
internal static class HeapMessages
{
    public static Activity Question(string text, IReadOnlyList<string>? options = null, bool inline = true)
    {
        if (options is not { Count: > 0 })
        {
            return ActivityExtensions.CreateMessage(text, InputHints.ExpectingInput);
        }

        var choices = options.Select(o => new Choice(o)).ToList();
        // Real options also go inline, for channels that show no buttons (email, X); yes/no needs no list.
        var shown = inline ? ChoicePrompt.AppendList(text, choices) : text;
        var activity = ActivityExtensions.CreateMessage(shown, InputHints.ExpectingInput);
        activity.SuggestedActions = ImBackActions.For(choices);
        return activity;
    }

    public static string Join(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
