using SupportBot.Dialogs.Heap.Hearing;

namespace SupportBot.Dialogs.Heap.State;

/// <summary>
/// The case the conversation is working on, kept in conversation state (property <see cref="Property"/>):
/// the facts heard, which empathy phrasings were used, what was tried and done, and the outcome.
/// </summary>
public sealed class HeapCase
{
    /// <summary>The conversation-state property name.</summary>
    public const string Property = "heap";

    /// <summary>The facts heard so far.</summary>
    public CaseFacts Facts { get; set; } = new();

    /// <summary>What the customer said about this case (each capped), for the ticket and the knowledge-base search.</summary>
    public List<string> Said { get; set; } = [];

    /// <summary>Ids of empathy phrasings already said in this conversation (never reset: no repeats per conversation).</summary>
    public List<string> UsedPhrasings { get; set; } = [];

    /// <summary>How far HEAP got (<see cref="HeapStages"/>), for the handoff context.</summary>
    public string Stage { get; set; } = HeapStages.Hear;

    /// <summary>How many times the customer corrected the reflection.</summary>
    public int Corrections { get; set; }

    /// <summary>What was tried (article slugs, actions), for the handoff context.</summary>
    public List<string> Tried { get; set; } = [];

    /// <summary>The action taken, if any.</summary>
    public string? Action { get; set; }

    /// <summary>The ticket opened for this case.</summary>
    public string? TicketId { get; set; }

    /// <summary>True once the customer was greeted in this conversation.</summary>
    public bool Greeted { get; set; }

    /// <summary>True once the customer's memory was loaded in this conversation.</summary>
    public bool Remembered { get; set; }

    /// <summary>True when we knew this customer before this conversation.</summary>
    public bool Returning { get; set; }

    /// <summary>True once the case was handed to a person.</summary>
    public bool Escalated { get; set; }

    /// <summary>The most upset the customer has been in this case (0…1), for the apology's weight.</summary>
    public double PeakIntensity { get; set; }

    /// <summary>True when the analyzer judged any message of this case upset.</summary>
    public bool WasUpset { get; set; }

    /// <summary>The lowest compound sentiment of this case's messages.</summary>
    public double LowestCompound { get; set; }

    /// <summary>Order numbers already looked up (found or not), so each is checked once.</summary>
    public List<string> CheckedOrders { get; set; } = [];

    /// <summary>The customer's last message time, for the inactivity rule.</summary>
    public DateTimeOffset? LastCustomerMessageAt { get; set; }

    /// <summary>Keeps a customer message for the ticket (the first 500 characters of at most 10 messages).</summary>
    public void Hear(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && Said.Count < 10)
        {
            Said.Add(text.Length > 500 ? text[..500] : text);
        }
    }

    /// <summary>Starts a new case in the same conversation, keeping what must not repeat.</summary>
    public void Reset()
    {
        Facts = new CaseFacts();
        Said = [];
        Stage = HeapStages.Hear;
        Corrections = 0;
        Tried = [];
        Action = null;
        TicketId = null;
        Escalated = false;
        PeakIntensity = 0;
        WasUpset = false;
        LowestCompound = 0;
        CheckedOrders = [];
    }
}

/// <summary>The HEAP stages, in order.</summary>
public static class HeapStages
{
    public const string Hear = "hear";
    public const string Empathize = "empathize";
    public const string Lead = "lead";
    public const string Provide = "provide";
    public const string FollowUp = "follow-up";
    public const string Done = "done";
}
