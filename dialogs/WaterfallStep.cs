namespace SupportBot.Dialogs;

/// <summary>
/// One step of a <see cref="WaterfallDialog"/>. A step typically asks something (a prompt) and returns its
/// result, or ends the dialog; the next step gets the answer in <see cref="WaterfallStepContext.Result"/>.
/// </summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
