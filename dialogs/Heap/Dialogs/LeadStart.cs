namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>How <see cref="LeadDialog"/> begins: with the empathy line to say first.</summary>
internal sealed class LeadStart
{
    public string? Empathy { get; set; }
}
