namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>The business actions the bot can take (values of <c>Policy:Issues:*:Actions</c>).</summary>
public static class HeapActions
{
    public const string Refund = "refund";
    public const string Replacement = "replacement";
    public const string Repair = "repair";
    public const string Callback = "callback";
    public const string Ticket = "ticket";

    /// <summary>Every known action.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Refund, Replacement, Repair, Callback, Ticket,
    };

    /// <summary>The button a customer sees for an action.</summary>
    public static string Label(string action) => action switch
    {
        Refund => "Refund",
        Replacement => "Replacement",
        Repair => "Repair",
        Callback => "Call me back",
        _ => "Investigate it",
    };

    /// <summary>The action as a noun phrase in a sentence: "a refund", "a callback".</summary>
    public static string Phrase(string action) => action switch
    {
        Refund => "a refund",
        Replacement => "a replacement",
        Repair => "a repair",
        Callback => "a call back from our team",
        _ => "an investigation by our team",
    };
}
