using System.Text.Json.Nodes;
using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// A dialog that holds a conversation of its own: it asks, reads any free-text answer, and decides what to
/// ask next. What it is waiting for (<c>mode</c>) and the question it last asked live in the instance state,
/// so a restart or a reprompt (after "help") repeats the same question.
/// </summary>
internal abstract class ConversationalDialog(string dialogId, HeapServices services) : Dialog(dialogId)
{
    private const string ModeKey = "mode";
    private const string TextKey = "text";
    private const string OptionsKey = "options";
    private const string InlineKey = "inline";

    protected HeapServices Services { get; } = services;

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsMessage())
        {
            return Task.FromResult(EndOfTurn);
        }

        var state = dc.ActiveDialog!.State ??= [];
        return OnAnswerAsync(dc, (string?)state[ModeKey] ?? string.Empty, dc.Context.Activity.Text ?? string.Empty, cancellationToken);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        if (instance.State?[TextKey] is not { } text)
        {
            return Task.CompletedTask;
        }

        var options = instance.State[OptionsKey]?.AsArray().Select(o => (string)o!).ToList();
        return turnContext.SendActivityAsync(HeapMessages.Question((string)text!, options, (bool?)instance.State[InlineKey] ?? true), cancellationToken);
    }

    /// <summary>Handles the customer's answer to the question asked in <paramref name="mode"/>.</summary>
    protected abstract Task<DialogTurnResult> OnAnswerAsync(DialogContext dc, string mode, string text, CancellationToken cancellationToken);

    /// <summary>Asks a question and waits, remembering it for a reprompt.</summary>
    protected static async Task<DialogTurnResult> AskAsync(DialogContext dc, string mode, string text, IReadOnlyList<string>? options = null, CancellationToken cancellationToken = default, bool inline = true)
    {
        var state = dc.ActiveDialog!.State ??= [];
        state[ModeKey] = mode;
        state[TextKey] = text;
        state[OptionsKey] = options is { Count: > 0 } ? new JsonArray(options.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()) : null;
        state[InlineKey] = inline ? null : false;
        await dc.Context.SendActivityAsync(HeapMessages.Question(text, options, inline), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>A counter kept in the instance state (attempts, corrections).</summary>
    protected static int Bump(DialogContext dc, string key)
    {
        var state = dc.ActiveDialog!.State ??= [];
        var value = ((int?)state[key] ?? 0) + 1;
        state[key] = value;
        return value;
    }
}
