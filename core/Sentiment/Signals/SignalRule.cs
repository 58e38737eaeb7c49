namespace SupportBot.Core.Sentiment.Signals;

/// <summary>One rule of the signals file: what its patterns mean when they match.</summary>
/// <param name="Reason">A <see cref="SignalReason"/> index (or <see cref="SignalReason.Calm"/>/<see cref="SignalReason.Guard"/>).</param>
/// <param name="Weight">The evidence one match gives, 0…1.</param>
/// <param name="Negatable">Whether a negator just before the match cancels it ("no need for a manager").</param>
/// <param name="NeedsContext">Whether the match only counts when the message carries other negative evidence.</param>
/// <param name="Alone">Whether the match only counts when it is a whole sentence ("Refund. Now.").</param>
internal sealed record SignalRule(int Reason, double Weight, bool Negatable, bool NeedsContext, bool Alone = false);
