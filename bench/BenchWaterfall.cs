using SupportBot.Core.Schema;
using SupportBot.Core.State;
using SupportBot.Core.Turns;
using SupportBot.Dialogs;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Bench;

/// <summary>
/// The benchmark's conversation: text prompt → confirm prompt → choice prompt → done, driven by the
/// script "hi", "my parcel arrived broken and I need it by friday", "yes", "Refund".
/// </summary>
internal sealed class BenchWaterfall : IBot
{
    public static readonly string[] Script = ["hi", "my parcel arrived broken and I need it by friday", "yes", "Refund"];

    public const string FinalReply = "Thanks, I've noted: Refund.";

    private static readonly List<Choice> Remedies = [new("Refund"), new("Replacement"), new("Talk to a person")];

    private readonly DialogSet _dialogs;

    public BenchWaterfall(ConversationState conversationState)
    {
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("DialogState"))
            .Add(new WaterfallDialog("intake", [AskStoryAsync, ConfirmAsync, ChooseAsync, DoneAsync]))
            .Add(new TextPrompt("text"))
            .Add(new ConfirmPrompt("confirm"))
            .Add(new ChoicePrompt("choice"));
    }

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _dialogs.RunAsync(turnContext, "intake", cancellationToken);

    private static Task<DialogTurnResult> AskStoryAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync("text", PromptOptions.FromText("Hi, I'm SupportBot. What can I help you with today?"), cancellationToken);

    private static Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["story"] = (string)step.Result!;
        return step.PromptAsync("confirm", PromptOptions.FromText($"So {step.Result}. Did I get that right?"), cancellationToken);
    }

    private static Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync("choice", PromptOptions.FromText("What would make this right for you?", choices: Remedies), cancellationToken);

    private static async Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var choice = (FoundChoice)step.Result!;
        await step.Context.SendActivityAsync($"Thanks, I've noted: {choice.Value}.", cancellationToken: cancellationToken);
        return await step.EndDialogAsync(choice.Value, cancellationToken);
    }
}
