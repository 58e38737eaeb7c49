namespace SupportBot.Core.Handoff;

/// <summary>
/// What the dialog knows when it hands over, as plain data (core needs nothing from the dialogs).
/// </summary>
public sealed record HandoffRequest
{
    /// <summary>Why.</summary>
    public required HandoffReason Reason { get; init; }

    /// <summary>The HEAP stage reached.</summary>
    public string? Stage { get; init; }

    /// <summary>The facts heard, by name (only the known ones).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>What the customer said about the case.</summary>
    public IReadOnlyList<string> Said { get; init; } = [];

    /// <summary>What was offered or tried.</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>The customer's name, when the dialog knows it.</summary>
    public string? CustomerName { get; init; }

    /// <summary>The customer id in the customer records, when known.</summary>
    public string? CustomerId { get; init; }
}
