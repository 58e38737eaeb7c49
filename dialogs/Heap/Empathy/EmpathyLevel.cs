namespace SupportBot.Dialogs.Heap.Empathy;

/// <summary>How strongly to acknowledge and apologise, from the customer's sentiment.</summary>
internal enum EmpathyLevel
{
    /// <summary>A plain question or praise: no apology at all.</summary>
    None,

    /// <summary>A problem told calmly: a brief, sincere apology.</summary>
    Mild,

    /// <summary>Clearly upset: acknowledge the feeling, then apologise.</summary>
    Strong,

    /// <summary>Very upset or angry: own it fully.</summary>
    Severe,
}
