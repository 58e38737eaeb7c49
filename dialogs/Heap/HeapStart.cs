namespace SupportBot.Dialogs.Heap;

/// <summary>How the HEAP flow begins: with the message that arrived (the default) or by asking a question first.</summary>
internal sealed class HeapStart
{
    /// <summary>Ask <see cref="Prompt"/> and wait, instead of reading the current message.</summary>
    public bool Ask { get; set; }

    /// <summary>The question to ask when <see cref="Ask"/> is set.</summary>
    public string? Prompt { get; set; }

    /// <summary>What the customer said before the question, heard together with the answer.</summary>
    public string? Carry { get; set; }

    public static HeapStart Asking(string prompt, string? carry = null) => new() { Ask = true, Prompt = prompt, Carry = carry };
}
