using SupportBot.Core.Turns;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Tests.Infrastructure;

/// <summary>
/// The sample flow the tests drive: name (text) → confirm → topic (choice) → done; "help" and "cancel"
/// interrupt whatever is being asked.
/// </summary>
internal sealed class IntakeDialog : ComponentDialog
{
    public const string HelpText = "I'm collecting a few details so the right team can help you.";
    public const string CancelledText = "Okay, I've cancelled that.";

    public static readonly Choice[] Topics =
    [
        new("Refund") { Synonyms = ["money back"] },
        new("Replacement"),
        new("Callback"),
    ];

    public IntakeDialog()
        : base(nameof(IntakeDialog))
    {
        AddDialog(new WaterfallDialog("intake", [AskNameAsync, ConfirmNameAsync, AskTopicAsync, FinishAsync]));
        AddDialog(new TextPrompt("name"));
        AddDialog(new ConfirmPrompt("confirm"));
        AddDialog(new ChoicePrompt("topic"));
    }

    protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "help":
                await innerDc.Context.SendActivityAsync(HelpText, cancellationToken: cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            case "cancel":
                await innerDc.Context.SendActivityAsync(CancelledText, cancellationToken: cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            default:
                return null;
        }
    }

    private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("name", PromptOptions.FromText("What's your name?"), ct);

    private static Task<DialogTurnResult> ConfirmNameAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var name = (string)step.Result!;
        step.Values["name"] = name;
        return step.PromptAsync("confirm", PromptOptions.FromText($"Is {name} right?", "Please answer yes or no."), ct);
    }

    private static async Task<DialogTurnResult> AskTopicAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is false)
        {
            return await step.ReplaceDialogAsync("intake", cancellationToken: ct);
        }

        return await step.PromptAsync("topic", PromptOptions.FromText("What can I help with?", choices: Topics), ct);
    }

    private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var topic = (FoundChoice)step.Result!;
        await step.Context.SendActivityAsync($"Thanks {step.Values["name"]}, I'll arrange a {topic.Value.ToLowerInvariant()}.", cancellationToken: ct);
        return await step.EndDialogAsync(topic.Value, ct);
    }
}
