namespace SupportBot.Core.Sentiment.Signals;

/// <summary>One rule matching tokens [<see cref="Start"/>, <see cref="End"/>); <see cref="Rule"/> −1 once dropped.</summary>
internal struct SignalHit
{
    public int Rule;
    public int Start;
    public int End;
}
