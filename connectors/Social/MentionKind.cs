namespace SupportBot.Connectors.Social;

/// <summary>How a public mention is answered (issue 8, point 3).</summary>
public enum MentionKind
{
    /// <summary>Kind words: thanks in public, nothing more.</summary>
    Praise,

    /// <summary>A problem or a question: empathy and the next step in public, the rest in private.</summary>
    Request,

    /// <summary>An upset customer: answered in public first, then handed to a person with the public thread.</summary>
    Upset,
}
