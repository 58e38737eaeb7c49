using SupportBot.Core.Sentiment;

namespace SupportBot.Dialogs.Heap.Burst;

/// <summary>
/// The customer's messages held back during a burst (conversation state, property <see cref="Property"/>),
/// so a restart loses nothing: the next message or flush hears them all.
/// </summary>
public sealed class BurstBuffer
{
    /// <summary>The conversation-state property name.</summary>
    public const string Property = "burst";

    /// <summary>The held messages, oldest first.</summary>
    public List<string> Texts { get; set; } = [];

    /// <summary>When the latest one arrived.</summary>
    public DateTimeOffset LastAt { get; set; }

    /// <summary>The sentiment of the most upset held message, so the apology weighs the whole burst.</summary>
    public SentimentTurn? Strongest { get; set; }

    /// <summary>True when nothing is held.</summary>
    public bool IsEmpty => Texts.Count == 0;

    /// <summary>Holds a message.</summary>
    public void Add(string text, DateTimeOffset at, SentimentTurn? sentiment)
    {
        Texts.Add(text);
        LastAt = at;
        if (sentiment is not null && (Strongest is null || MoodOf(sentiment) < MoodOf(Strongest)))
        {
            Strongest = sentiment;
        }
    }

    /// <summary>The held messages as one story, and an empty buffer.</summary>
    public string Take()
    {
        var story = string.Join(' ', Texts.Select(t => t.Trim()).Select(t => t.Length > 0 && char.IsPunctuation(t[^1]) ? t : t + "."));
        Texts.Clear();
        Strongest = null;
        return story;
    }

    private static double MoodOf(SentimentTurn turn) => Core.Sentiment.Mood.MoodTrajectory.ScoreOf(turn.Result);
}
