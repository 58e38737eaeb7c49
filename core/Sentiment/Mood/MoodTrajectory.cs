namespace SupportBot.Core.Sentiment.Mood;

/// <summary>
/// How a customer's mood moves through a conversation: every scored message, an exponentially weighted
/// mean, and the counters the escalation policy reads. Kept in conversation state, so it survives
/// restarts and travels with the handoff context.
/// </summary>
public sealed class MoodTrajectory
{
    /// <summary>How many recent points are kept (older ones only live on in the averages and counters).</summary>
    public const int MaxPoints = 50;

    public List<MoodPoint> Points { get; set; } = [];

    /// <summary>The exponentially weighted mean of the message scores; 0 before the first message.</summary>
    public double Average { get; set; }

    /// <summary>Scored messages so far (not capped like <see cref="Points"/>).</summary>
    public int Messages { get; set; }

    /// <summary>Customer messages in a row that read negative or upset.</summary>
    public int ConsecutiveNegative { get; set; }

    /// <summary>How far the mean fell with the latest message (0 when it rose).</summary>
    public double LastDrop { get; set; }

    /// <summary>Times the bot tried to resolve the issue and the customer said it did not help.</summary>
    public int FailedResolutions { get; set; }

    /// <summary>
    /// A message's mood on one scale: upset customers count as −intensity (an angry question can read
    /// neutral to VADER), everyone else as VADER's compound.
    /// </summary>
    public static double ScoreOf(SentimentResult result) =>
        result.Upset ? -Math.Max(result.Intensity, Math.Abs(Math.Min(result.Compound, 0))) : result.Compound;

    /// <summary>Adds a scored message; <paramref name="alpha"/> weights it against the past (0…1).</summary>
    public MoodPoint Add(SentimentResult result, DateTimeOffset at, double alpha)
    {
        var score = ScoreOf(result);
        var previous = Average;
        Average = Messages == 0 ? score : (alpha * score) + ((1 - alpha) * previous);
        LastDrop = Messages == 0 ? Math.Max(0, -score) : Math.Max(0, previous - Average);
        Messages++;
        ConsecutiveNegative = result.Upset || result.Label == SentimentLabels.Negative ? ConsecutiveNegative + 1 : 0;

        var point = new MoodPoint(at, Math.Round(score, 4), Math.Round(Average, 4), result.Upset, result.Intensity, result.Reasons);
        Points.Add(point);
        if (Points.Count > MaxPoints)
        {
            Points.RemoveRange(0, Points.Count - MaxPoints);
        }

        return point;
    }
}
