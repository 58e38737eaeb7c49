namespace SupportBot.Core.Sentiment.Mood;

/// <summary>One scored customer message in a conversation's mood trajectory.</summary>
/// <param name="At">When the message arrived.</param>
/// <param name="Score">The message's mood, −1 (furious) … 1 (delighted): see <see cref="MoodTrajectory.ScoreOf"/>.</param>
/// <param name="Average">The trajectory's exponentially weighted mean after this message.</param>
/// <param name="Upset">Whether the analyzer judged the customer upset.</param>
/// <param name="Intensity">How upset, 0…1.</param>
/// <param name="Reasons">The reasons the analyzer gave.</param>
public sealed record MoodPoint(DateTimeOffset At, double Score, double Average, bool Upset, double Intensity, IReadOnlyList<string> Reasons);
