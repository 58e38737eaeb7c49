using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Tests.Infrastructure;

/// <summary>A one-prompt conversation: ask, then say what was understood, then end.</summary>
internal static class PromptFlows
{
    /// <summary>Dialogs for <see cref="TestFlow.ForDialogs"/>: a waterfall "root" that prompts with <paramref name="prompt"/>.</summary>
    public static Func<IEnumerable<Dialog>> Asking(Dialog prompt, PromptOptions options, Func<object?, string>? describe = null) =>
        () =>
        [
            new WaterfallDialog("root", [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Got {(describe ?? Describe)(step.Result)}", cancellationToken: ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]),
            prompt,
        ];

    private static string Describe(object? result) => result switch
    {
        FoundChoice choice => $"{choice.Value} #{choice.Index}",
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => result?.ToString() ?? "nothing",
    };
}
