using SupportBot.Core.Schema;
using SupportBot.Dialogs.Heap.Dialogs;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap;

/// <summary>
/// The support conversation: Hear (let the customer tell it, reflect it back, take corrections),
/// Empathize (an apology in proportion, never the same twice), Lead (what would make it right, within the
/// policy) and Provide (the action, a reference and a time frame). Greetings, thanks, praise and plain
/// questions take short paths. "help", "start over", "talk to a person" and rising anger interrupt any step.
/// </summary>
public sealed partial class HeapDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "heap";

    internal const string MainId = "heap.main";
    internal const string TextPromptId = "heap.text";

    private readonly HeapServices _services;
    private readonly Provider _provider;
    private readonly Escalation _escalation;
    private readonly StatusAnswers _status;

    /// <summary>Creates the dialog over its services.</summary>
    public HeapDialog(HeapServices services)
        : base(DialogId)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _provider = new Provider(services);
        _escalation = new Escalation(services, _provider);
        _status = new StatusAnswers(services);
        AddDialog(new WaterfallDialog(MainId, [ListenAsync, TriageAsync, EmpathizeAsync, ProvideAsync]));
        AddDialog(new HearDialog(services));
        AddDialog(new LeadDialog(services));
        AddDialog(new TicketCheckDialog(services));
        AddDialog(new TextPrompt(TextPromptId));
        InitialDialogId = MainId;
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turnContext = innerDc.Context;
        if (!turnContext.Activity.IsMessage())
        {
            return null;
        }

        if (HeapServices.ShouldEscalate(turnContext))
        {
            await _escalation.EscalateAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        switch (MessageClassifier.Classify(turnContext.Activity.Text))
        {
            case MessageKind.Help:
                await turnContext.SendActivityAsync(HeapTexts.Help(_services.Policy), cancellationToken: cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;

            case MessageKind.StartOver:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                (await _services.CaseAsync(turnContext, cancellationToken).ConfigureAwait(false)).Reset();
                return await innerDc.BeginDialogAsync(MainId, HeapStart.Asking(HeapTexts.StartOver), cancellationToken).ConfigureAwait(false);

            default:
                return null;
        }
    }
}
