namespace SupportBot.Dialogs.Heap;

/// <summary>How the HEAP flow begins: with the message that arrived (the default) or by asking a question first.</summary>
internal sealed class HeapStart
{
    /// <summary>Ask <see cref="Prompt"/> and wait, instead of reading the current message.</summary>
    public bool Ask { get; set; }

    /// <summary>The question to ask when <see cref="Ask"/> is set.</summary>
    public string? Prompt { get; set; }

    public static HeapStart Asking(string prompt) => new() { Ask = true, Prompt = prompt };
}
