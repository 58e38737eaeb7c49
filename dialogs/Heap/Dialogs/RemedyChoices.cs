using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>The remedies the policy allows as choices, with the words customers use for them.</summary>
internal static class RemedyChoices
{
    public static List<Choice> For(IEnumerable<string> actions) => actions.Select(a => new Choice(HeapActions.Label(a)) { Synonyms = Synonyms(a) }).ToList();

    /// <summary>The action a recognised choice stands for.</summary>
    public static string? Recognize(string text, IReadOnlyList<string> actions)
    {
        var found = ChoiceRecognizer.Recognize(text, For(actions));
        return found is null ? null : actions[found.Index];
    }

    /// <summary>"a replacement, a refund or a call back from our team".</summary>
    public static string Phrase(IReadOnlyList<string> actions) => actions.Count switch
    {
        0 => "ask our team to look into it",
        1 => $"offer {HeapActions.Phrase(actions[0])}",
        _ => $"offer {string.Join(", ", actions.Take(actions.Count - 1).Select(HeapActions.Phrase))} or {HeapActions.Phrase(actions[^1])}",
    };

    private static IReadOnlyList<string> Synonyms(string action) => action switch
    {
        HeapActions.Refund => ["money back", "my money back", "refund me", "reimburse"],
        HeapActions.Replacement => ["new one", "a new one", "replace it", "exchange", "swap"],
        HeapActions.Repair => ["fix it", "repair it"],
        HeapActions.Callback => ["call", "call me", "phone me", "callback", "call back"],
        _ => ["ticket", "investigate", "look into it", "open a ticket"],
    };
}
