using SupportBot.Dialogs;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// The placeholder conversation until the HEAP flow replaces it: hear the story, reflect it back, ask
/// what would make it right, note it. Four waterfall steps, each prompt saved with the conversation so
/// a restarted host continues at the right step.
/// </summary>
internal sealed class IntakeDialog : ComponentDialog
{
    public const string Greeting = "Hi, I'm SupportBot. What can I help you with today?";
    public const string Retell = "Sorry I got that wrong. Please tell me again what happened.";
    public const string RemedyQuestion = "What would make this right for you?";

    public static readonly IReadOnlyList<string> Remedies = ["Refund", "Replacement", "Talk to a person"];

    private const string WaterfallId = "intake";
    private const string StoryPrompt = "story";
    private const string ConfirmStoryPrompt = "confirmStory";
    private const string RemedyPrompt = "remedy";

    public IntakeDialog()
        : base(nameof(IntakeDialog))
    {
        AddDialog(new WaterfallDialog(WaterfallId, [AskStoryAsync, ReflectAsync, AskRemedyAsync, NoteAsync]));
        AddDialog(new TextPrompt(StoryPrompt));
        AddDialog(new ConfirmPrompt(ConfirmStoryPrompt));
        AddDialog(new ChoicePrompt(RemedyPrompt));
        InitialDialogId = WaterfallId;
    }

    public static string Reflection(string story) => $"So {story.TrimEnd('.', '!', ' ')}. Did I get that right?";

    public static string Noted(string remedy) => $"Thanks, I've noted: {remedy}. A person will follow up.";

    private static Task<DialogTurnResult> AskStoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var retelling = step.GetOptions<bool>();
        return step.PromptAsync(StoryPrompt, PromptOptions.FromText(retelling ? Retell : Greeting), cancellationToken);
    }

    private static Task<DialogTurnResult> ReflectAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var story = (string)step.Result!;
        step.Values[StoryPrompt] = story;
        return step.PromptAsync(ConfirmStoryPrompt, PromptOptions.FromText(Reflection(story)), cancellationToken);
    }

    private static Task<DialogTurnResult> AskRemedyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is false)
        {
            // Hear the whole story again rather than acting on a misunderstanding.
            return step.ReplaceDialogAsync(WaterfallId, true, cancellationToken);
        }

        var choices = Remedies.Select(r => new Choice(r)).ToList();
        return step.PromptAsync(RemedyPrompt, PromptOptions.FromText(RemedyQuestion, choices: choices), cancellationToken);
    }

    private static async Task<DialogTurnResult> NoteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var remedy = ((FoundChoice)step.Result!).Value;
        await step.Context.SendActivityAsync(Noted(remedy), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(remedy, cancellationToken).ConfigureAwait(false);
    }
}
