namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>When a replacement may be offered (on top of the issue type allowing it).</summary>
public sealed class ReplacementRules
{
    /// <summary>Orders older than this many days are not replaced; 0 means no age limit.</summary>
    public int MaxOrderAgeDays { get; set; } = 30;
}
